namespace Haven.Faults.Tests;

/// <summary>
/// A stack of the fault suite's own (it kills things, so it shares nothing with the platform tests): two replicas of every
/// consuming service, short deadlines at northfield, CI-sized load.
/// </summary>
public sealed class FaultFixture : IAsyncLifetime
{
    public FaultStack Stack { get; private set; } = null!;
    public FaultRunner Runner { get; private set; } = null!;
    private BrokerAdmin _admin = null!;

    public async Task InitializeAsync()
    {
        // Eleven service processes start here, on a machine perhaps busy with other test assemblies.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        Stack = await FaultStack.StartAsync(FaultStackOptions.Ci, timeout.Token);
        _admin = await BrokerAdmin.CreateAsync(Stack);
        Runner = new FaultRunner(Stack, _admin, LoadProfile.Ci);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await Stack.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultFixture>
{
    public const string Name = "faults";
}
