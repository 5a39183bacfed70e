namespace Haven.Platform.IntegrationTests;

/// <summary>
/// The AppHost's own graph, started once for the whole-stack tests, with two replicas of intake
/// so that load balancing through the gateway can be observed.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public const int IntakeReplicas = 2;

    public DistributedApplication App { get; private set; } = null!;

    public const string AllowedOrigin = "https://app.mercy.test";

    /// <summary>The gateway, as an operator of the mercy institution.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>Sees the case flow's messages on the real broker.</summary>
    public BrokerProbe Broker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>();
        builder.Project("intake").WithReplicas(IntakeReplicas);
        builder.Project("gateway").WithEnvironment("Gateway__AllowedOrigins__0", AllowedOrigin);
        // Checkpoints every few seconds rather than every quarter of an hour, so a receipt is ready within a test.
        builder.Project("audit").WithEnvironment("Audit__CheckpointInterval", "00:00:02");
        // Webhook retries in fractions of a second rather than minutes, so a failing receiver is disabled within a test.
        builder.Project("notification")
            .WithEnvironment("Notification__Webhooks__BaseDelay", "00:00:00.300")
            .WithEnvironment("Notification__Webhooks__MaxDelay", "00:00:01")
            .WithEnvironment("Notification__Webhooks__DisableAfterConsecutiveFailures", "3");
        App = await builder.BuildAsync();
        try
        {
            await App.StartAsync();
        }
        catch (DistributedApplicationException e)
        {
            var logs = ConsoleLogs.Tail(App);
            // xunit does not dispose a fixture whose start failed: stop what did start, or it outlives the run.
            await App.DisposeAsync();
            throw new InvalidOperationException($"{e.Message}\n{logs}", e);
        }
        Gateway = App.CreateHttpClient("gateway", "mercy", "ops-1", "operator");
        Broker = await BrokerProbe.StartAsync((await App.GetConnectionStringAsync("messaging"))!);
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        await Broker.DisposeAsync();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
