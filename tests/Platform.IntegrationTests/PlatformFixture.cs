using System.Security.Cryptography;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// The AppHost's own graph, started once for the whole-stack tests through Aspire's testing builder: random ports, a
/// temporary data folder, the dashboard switched on for the browser tests, and two replicas of intake so that load
/// balancing can be observed.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public const int IntakeReplicas = 2;

    public const string AllowedOrigin = "https://app.mercy.test";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("haven-tests-");

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The run's data folder (what <c>--data-dir</c> names for <c>./haven run</c>).</summary>
    public string DataDirectory => _data.FullName;

    /// <summary>The dashboard's login token, chosen here so that the browser tests can sign in.</summary>
    public string DashboardToken { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>The gateway, as an operator of the mercy institution.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>Sees the case flow's messages on the real broker.</summary>
    public BrokerProbe Broker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var builder = await TestAppHost.CreateBuilderAsync(_data, [$"--ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN={DashboardToken}"],
            options => options.DisableDashboard = false, timeout.Token);
        builder.CreateResourceBuilder<ProjectResource>("intake").WithReplicas(IntakeReplicas);
        builder.CreateResourceBuilder<ProjectResource>("gateway").WithEnvironment("Gateway__AllowedOrigins__0", AllowedOrigin);
        // Checkpoints every few seconds rather than every quarter of an hour, so a receipt is ready within a test.
        builder.CreateResourceBuilder<ProjectResource>("audit").WithEnvironment("Audit__CheckpointInterval", "00:00:02");
        // Webhook retries in fractions of a second rather than minutes, so a failing receiver is disabled within a test.
        builder.CreateResourceBuilder<ProjectResource>("notification")
            .WithEnvironment("Notification__Webhooks__BaseDelay", "00:00:00.300")
            .WithEnvironment("Notification__Webhooks__MaxDelay", "00:00:01")
            .WithEnvironment("Notification__Webhooks__DisableAfterConsecutiveFailures", "3");

        App = await TestAppHost.StartAsync(builder, timeout.Token);
        Gateway = App.CreateHttpClient("gateway", "mercy", "ops-1", "operator");
        Broker = await BrokerProbe.StartAsync((await App.GetConnectionStringAsync("messaging"))!);
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        await Broker.DisposeAsync();
        await App.DisposeAsync();
        _data.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
