using System.Collections.Concurrent;

namespace Haven.Hosting;

/// <summary>
/// Starts each replica of a project from its build output, with configuration passed exactly as Aspire
/// passes it, and follows its /health endpoint for as long as it runs.
/// </summary>
internal sealed class ProjectLifecycle(ProjectResource project, OrchestrationContext context) : ResourceLifecycle(project, context)
{
    protected override string ResourceType => "Project";

    private static readonly TimeSpan HealthInterval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<int, Replica> _replicas = [];

    public override IReadOnlyList<string> InstanceNames => [.. Enumerable.Range(0, project.Replicas).Select(InstanceName)];

    /// <summary>Chooses the replicas' ports before anything starts, so referencing projects know them.</summary>
    public override void Prepare()
    {
        base.Prepare();
        project.HttpEndpoints = [.. Enumerable.Range(0, project.Replicas).Select(i =>
        {
            var port = i == 0 && project.HttpPort is { } fixedPort ? fixedPort : PortAllocator.GetFreePort();
            return new Uri($"http://127.0.0.1:{port}");
        })];
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var entryPoint = FindEntryPoint();
        await Task.WhenAll(Enumerable.Range(0, project.Replicas).Select(i => StartReplicaAsync(i, entryPoint, cancellationToken)));
    }

    public override Task StopAsync() => Task.WhenAll(_replicas.Keys.ToList().Select(StopReplicaAsync));

    /// <summary>Stops one replica (e.g. to test that a service survives a restart).</summary>
    public async Task StopReplicaAsync(int index)
    {
        if (_replicas.TryRemove(index, out var replica))
        {
            replica.Stopping = true;
            await replica.Monitor.CancelAsync();
            await replica.Process.StopAsync(TimeSpan.FromSeconds(15));
        }
    }

    public Task StartReplicaAsync(int index, CancellationToken cancellationToken) =>
        StartReplicaAsync(index, FindEntryPoint(), cancellationToken);

    private async Task StartReplicaAsync(int index, string entryPoint, CancellationToken cancellationToken)
    {
        var instance = InstanceName(index);
        var endpoint = project.HttpEndpoints[index];
        MarkStarting(instance, [endpoint.ToString().TrimEnd('/')]);

        if (project.HttpPort == endpoint.Port && !PortAllocator.IsFree(endpoint.Port))
        {
            throw new DistributedApplicationException(
                $"'{instance}' needs port {endpoint.Port}, which is in use — stop what holds it or choose another port (e.g. --gateway-port 8081).");
        }

        var process = ManagedProcess.Start(instance, "dotnet", [entryPoint], Environment(instance, endpoint),
            Path.GetDirectoryName(entryPoint)!, Context.Logs);
        var replica = new Replica(process, new CancellationTokenSource());
        _replicas[index] = replica;
        WatchExit(instance, process, () => replica.Stopping);
        Context.Notifications.Update(instance, s => s with { ProcessId = process.Id });

        await WaitUntilAsync(ct => IsHealthyAsync(endpoint, ct), process, instance, cancellationToken);
        SetState(instance, ResourceState.Healthy);
        _ = FollowHealthAsync(instance, endpoint, replica);
    }

    private Dictionary<string, string> Environment(string instance, Uri endpoint)
    {
        var environment = new Dictionary<string, string>(project.Environment)
        {
            ["ASPNETCORE_URLS"] = endpoint.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = Context.Options.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = Context.Options.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instance}",
            ["DOTNET_NOLOGO"] = "true",
        };
        if (Context.Options.Dashboard is { } dashboard)
        {
            foreach (var (name, value) in dashboard.OtlpEnvironment)
            {
                environment[name] = value;
            }
        }
        foreach (var reference in project.ConnectionStringReferences)
        {
            environment[$"ConnectionStrings__{reference.Name}"] = reference.ConnectionString
                ?? throw new DistributedApplicationException($"'{project.Name}' references '{reference.Name}', which has not started; add WaitFor.");
        }
        foreach (var service in project.ServiceReferences)
        {
            for (var i = 0; i < service.HttpEndpoints.Count; i++)
            {
                environment[$"services__{service.Name}__http__{i}"] = service.HttpEndpoints[i].ToString().TrimEnd('/');
            }
        }
        if (project.IdentityReference is { } identity)
        {
            AddIdentityConfiguration(environment, identity);
        }
        return environment;
    }

    // The same shape as a deployment's Identity section (see Haven.Identity.IdentityOptions).
    private static void AddIdentityConfiguration(Dictionary<string, string> environment, DevelopmentIdentityResource identity)
    {
        var jwks = identity.PublicJwks();
        environment["Identity__Audience"] = DevelopmentIdentityResource.Audience;
        foreach (var institution in identity.Institutions)
        {
            var prefix = $"Identity__Institutions__{institution.Id}";
            environment[$"{prefix}__Issuers__0__Issuer"] = DevelopmentIdentityResource.IssuerFor(institution.Id);
            environment[$"{prefix}__Issuers__0__Jwks"] = jwks;
            if (institution.Network is not null)
            {
                environment[$"{prefix}__Network"] = institution.Network;
            }
        }
    }

    private async Task FollowHealthAsync(string instance, Uri endpoint, Replica replica)
    {
        try
        {
            while (!replica.Process.Exited.IsCompleted)
            {
                await Task.Delay(HealthInterval, replica.Monitor.Token);
                var healthy = await IsHealthyAsync(endpoint, replica.Monitor.Token);
                if (!replica.Process.Exited.IsCompleted)
                {
                    SetState(instance, healthy ? ResourceState.Healthy : ResourceState.Unhealthy);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<bool> IsHealthyAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Context.Http.GetAsync(new Uri(endpoint, "/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Refused, or slower than the client's timeout: not healthy yet.
            return false;
        }
    }

    private string InstanceName(int index) => $"{project.Name}-{index}";

    // The build output holds exactly one runnable assembly: the one with a runtimeconfig.json beside it.
    private string FindEntryPoint()
    {
        var configuration = DistributedApplication.BuildConfiguration;
        var output = Path.Combine(Path.GetDirectoryName(project.ProjectPath)!, "bin", configuration, "net10.0");
        var runtimeConfig = Directory.Exists(output) ? Directory.GetFiles(output, "*.runtimeconfig.json").SingleOrDefault() : null;
        return runtimeConfig is null
            ? throw new DistributedApplicationException(
                $"No build output for '{project.Name}' in {output} — build it first: dotnet build -c {configuration}")
            : runtimeConfig.Replace(".runtimeconfig.json", ".dll");
    }

    private sealed class Replica(ManagedProcess process, CancellationTokenSource monitor)
    {
        public ManagedProcess Process { get; } = process;
        public CancellationTokenSource Monitor { get; } = monitor;
        public volatile bool Stopping;
    }
}
