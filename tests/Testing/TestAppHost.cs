using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Haven.Testing;

/// <summary>Starts the AppHost's graph for a test, isolated from any local run and from other tests.</summary>
public static class TestAppHost
{
    public static async Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(DirectoryInfo data, string[] args,
        Action<DistributedApplicationOptions> configure, CancellationToken cancellationToken)
    {
        // The gateway listens on its port itself (no proxy to randomise it): a free one, not the 8080 of a local run.
        return await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([.. Arguments(data), $"--gateway-port={FreePort()}", .. args],
            (options, _) =>
            {
                options.AllowUnsecuredTransport = true;
                configure(options);
            },
            cancellationToken);
    }

    /// <summary>
    /// The data folder and passwords of the test's own, so that nothing is read from or written to a developer's run or
    /// secrets. PostgreSQL runs as its own user and must be able to reach its folder (temporary folders are 0700).
    /// </summary>
    public static string[] Arguments(DirectoryInfo data)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(data.FullName, (UnixFileMode)0b111_101_101);
        }
        string[] parameters = ["postgres-password", "messaging-username", "messaging-password"];
        return [$"--data-dir={data.FullName}", .. parameters.Select(p => $"--Parameters:{p}={RandomNumberGenerator.GetHexString(24, lowercase: true)}")];
    }

    /// <summary>
    /// A free port below the kernel's ephemeral range. A port the kernel handed out (bind to 0) and that was released again was
    /// handed out once more, to the orchestrator's proxy of another service, before the gateway started: the gateway's requests
    /// then reached peer support. The orchestrator's ports come from the ephemeral range (32768 and up), so these never meet them.
    /// </summary>
    private static int FreePort()
    {
        while (true)
        {
            var port = Random.Shared.Next(20000, 32768);
            try
            {
                using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Taken; another.
            }
        }
    }

    /// <summary>Builds and starts the graph and waits until every resource is healthy.</summary>
    public static async Task<DistributedApplication> StartAsync(IDistributedApplicationTestingBuilder builder, CancellationToken cancellationToken) =>
        await StartAsync(await builder.BuildAsync(cancellationToken), cancellationToken);

    /// <summary>Starts a built graph and waits until every resource is healthy.</summary>
    public static async Task<DistributedApplication> StartAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
            await app.WaitForEveryResourceHealthyAsync(cancellationToken);
            return app;
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: stop what did start, or it outlives the run.
            await app.DisposeAsync();
            throw;
        }
    }

    public static T Resource<T>(this DistributedApplication app, string? name = null) where T : IResource =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<T>().Single(r => name is null || r.Name == name);

    /// <summary>The run's development identity provider: its issuers, its signing key.</summary>
    public static DevelopmentIdentity Identity(this DistributedApplication app) => app.Services.GetRequiredService<DevelopmentIdentity>();

    /// <summary>
    /// A token as the development provider issues it, signed in-process with the provider's own key (no round trip, so the
    /// many tests that need one stay fast); the identity tests check that the provider's own tokens are accepted too.
    /// </summary>
    public static string CreateToken(this DistributedApplication app, string institution, string user, params string[] roles) =>
        app.Identity().CreateToken(institution, user, roles);

    /// <summary>A client of the resource's http endpoint that carries a development token for the user.</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resource, string institution, string user,
        params string[] roles)
    {
        var client = app.CreateHttpClient(resource);
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.CreateToken(institution, user, roles));
        return client;
    }

    /// <summary>
    /// Waits until every instance of every resource an operator sees (not the parameters, not Aspire's hidden helpers) is
    /// running and healthy, and returns those instances.
    /// </summary>
    public static async Task<IReadOnlyList<ResourceEvent>> WaitForEveryResourceHealthyAsync(this DistributedApplication app,
        CancellationToken cancellationToken = default)
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var latest = new Dictionary<string, ResourceEvent>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await foreach (var e in app.ResourceNotifications.WatchAsync(timeout.Token))
            {
                latest[e.ResourceId] = e;
                if (Shown().All(r => Healthy(r).Count() == r.GetReplicaCount()))
                {
                    return [.. Shown().SelectMany(Healthy)];
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        throw new TimeoutException("Not every resource became healthy: " + string.Join(", ",
            latest.Values.Where(e => !e.Snapshot.IsHidden).Select(e => $"{e.ResourceId}={e.Snapshot.State?.Text}/{e.Snapshot.HealthStatus}")));

        IEnumerable<IResource> Shown() => model.Resources.Where(r => r is not ParameterResource
            && !latest.Values.Any(e => e.Resource == r && e.Snapshot.IsHidden));
        IEnumerable<ResourceEvent> Healthy(IResource resource) => latest.Values.Where(e => e.Resource == resource
            && e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy);
    }

    /// <summary>The names of the resource's running instances (a replica is <c>intake-abcd1234</c>).</summary>
    public static async Task<IReadOnlyList<string>> InstancesAsync(this DistributedApplication app, string resource)
    {
        var replicas = app.Resource<IResource>(resource).GetReplicaCount();
        var instances = new HashSet<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var e in app.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (e.Resource.Name == resource && e.Snapshot.State?.Text == KnownResourceStates.Running && instances.Add(e.ResourceId)
                && instances.Count == replicas)
            {
                break;
            }
        }
        return [.. instances.Order()];
    }

    /// <summary>Stops every instance of a resource, as the dashboard's Stop command does.</summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string resource)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(app.Resource<IResource>(resource), KnownResourceCommands.StopCommand);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Stopping {resource} failed: {result.Message}");
        }
    }

    /// <summary>Starts a stopped resource again and waits until it is healthy.</summary>
    public static async Task StartResourceAsync(this DistributedApplication app, string resource)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(app.Resource<IResource>(resource), KnownResourceCommands.StartCommand);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Starting {resource} failed: {result.Message}");
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }
}
