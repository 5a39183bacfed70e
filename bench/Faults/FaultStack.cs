using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Haven.Faults;

/// <summary>What the stack under faults looks like: how many replicas, and the short ladder the deadlines are checked against.</summary>
/// <param name="Deadline">Each level's acknowledgement deadline at <see cref="FaultStack.ShortLadderInstitution"/>.</param>
/// <param name="RedeliveryInterval">
/// The services' scheduled redeliveries (initial and step). Production waits 10 s, then 60 s more; a poison message then needs
/// three minutes to reach its error queue, too long for CI. Outages of the faults stay well inside the shortened budget.
/// </param>
public sealed record FaultStackOptions(TimeSpan Deadline, TimeSpan RedeliveryInterval, int Replicas = 2)
{
    public static FaultStackOptions Ci => new(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4));
}

/// <summary>
/// The AppHost's graph for fault runs: every consuming service in two replicas, no gateway rate limits (the load comes from one
/// address), a directory so every notification has recipients, and a two-level ladder of short deadlines at northfield.
/// </summary>
public sealed class FaultStack : IAsyncDisposable
{
    /// <summary>Audit first: the others wait for it (see <see cref="Fault"/>'s restarts).</summary>
    public static readonly string[] ConsumingServices = ["audit", "intake", "escalation", "notification", "peersupport"];
    public static readonly string[] Institutions = ["mercy", "lakeside", "northfield"];
    public const string ShortLadderInstitution = "northfield";

    /// <summary>One person per role each institution's notifications go to, reached in their inbox only.</summary>
    public static readonly string[] DirectoryRoles = ["case-manager", "program-director", "network-lead"];

    private readonly DirectoryInfo _data;

    private FaultStack(DistributedApplication app, DirectoryInfo data, FaultStackOptions options)
    {
        App = app;
        _data = data;
        Options = options;
    }

    public DistributedApplication App { get; }
    public FaultStackOptions Options { get; }

    public static async Task<FaultStack> StartAsync(FaultStackOptions options, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("haven-faults-");
        var builder = await TestAppHost.CreateBuilderAsync(data, [], _ => { }, cancellationToken);
        var redelivery = options.RedeliveryInterval.ToString("c");
        foreach (var service in ConsumingServices)
        {
            builder.CreateResourceBuilder<ProjectResource>(service).WithReplicas(options.Replicas)
                .WithEnvironment("Messaging__RedeliveryInitialInterval", redelivery)
                .WithEnvironment("Messaging__RedeliveryIntervalStep", redelivery);
        }
        // Every resource's output is written to the console otherwise (HAVEN_FAULTS_LOGS keeps it in files), and the orchestrator's
        // failing health checks during a fault are expected.
        builder.Services.AddLogging(logging => logging
            .AddFilter("Haven.AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            .AddFilter("System.Net.Http.HttpClient", LogLevel.Warning));
        builder.CreateResourceBuilder<ProjectResource>("gateway")
            .WithEnvironment("Gateway__PerInstitutionPerMinute", "1000000")
            .WithEnvironment("Gateway__AnonymousPerClientPerMinute", "1000000");
        var app = await builder.BuildAsync(cancellationToken);
        if (Environment.GetEnvironmentVariable("HAVEN_FAULTS_LOGS") is { Length: > 0 } logs)
        {
            WriteResourceLogs(app, Directory.CreateDirectory(logs));
        }
        var stack = new FaultStack(await TestAppHost.StartAsync(app, cancellationToken), data, options);
        try
        {
            await stack.PrepareInstitutionsAsync(cancellationToken);
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
        return stack;
    }

    public HttpClient Client(string institution, string role) => App.CreateHttpClient("gateway", institution, $"faults-{role}", role);

    public async Task<Uri> BrokerUriAsync() => new((await App.GetConnectionStringAsync("messaging"))!);

    /// <summary>The process ids of a resource's running instances, by instance name, as the dashboard shows them.</summary>
    public async Task<Dictionary<string, int>> ProcessIdsAsync(string resource, CancellationToken cancellationToken)
    {
        var expected = App.Resource<IResource>(resource).GetReplicaCount();
        var pids = new Dictionary<string, int>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await foreach (var e in App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (e.Resource.Name != resource)
            {
                continue;
            }
            // The property Aspire's dashboard shows as the process id (KnownProperties.Executable.Pid, internal to Aspire).
            if (e.Snapshot.State?.Text == KnownResourceStates.Running
                && e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is int pid)
            {
                pids[e.ResourceId] = pid;
            }
            else
            {
                pids.Remove(e.ResourceId);
            }
            if (pids.Count == expected)
            {
                break;
            }
        }
        return pids;
    }

    /// <summary>Waits until every resource, every replica included, is running and healthy again.</summary>
    public Task WaitUntilHealthyAsync(CancellationToken cancellationToken) => App.WaitForEveryResourceHealthyAsync(cancellationToken);

    /// <summary>
    /// Waits until the gateway forwards to every service again. Its own probes decide that, apart from the orchestrator's: after a
    /// fault (or a slow start) it answers 503 for a service its probes found down until a probe finds it up, seconds after the
    /// orchestrator does. A fault's load starts only then, so that the refusals it counts are the fault's.
    /// </summary>
    public async Task WaitUntilGatewayForwardsAsync(CancellationToken cancellationToken)
    {
        using var client = Client(Institutions[0], "operator");
        var giveUp = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        foreach (var prefix in new[] { "api/audit", "api/intake", "api/cases", "api/notifications", "api/peer-support" })
        {
            while (true)
            {
                using var response = await client.GetAsync($"/{prefix}/info", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
                if (DateTimeOffset.UtcNow > giveUp)
                {
                    throw new TimeoutException($"The gateway still answers {(int)response.StatusCode} for /{prefix}/info.");
                }
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private async Task PrepareInstitutionsAsync(CancellationToken cancellationToken)
    {
        foreach (var institution in Institutions)
        {
            using var admin = Client(institution, "institution-admin");
            foreach (var role in DirectoryRoles)
            {
                using var created = await admin.PostAsJsonAsync("/api/notifications/directory", new
                {
                    userId = $"{role}-{institution}", displayName = $"Faults {role}", email = $"{role}@{institution}.faults.example",
                    roles = new[] { role }, channels = new[] { "Inbox" },
                }, cancellationToken);
                await EnsureSuccessAsync(created, "a directory entry", cancellationToken);
            }
        }
        using var northfield = Client(ShortLadderInstitution, "institution-admin");
        var delay = Options.Deadline;
        using var policy = await northfield.PutAsJsonAsync("/api/cases/policy", new
        {
            levels = new[] { "case-manager", "program-director" }
                .Select(role => new { roles = new[] { role }, critical = delay, high = delay, moderate = delay, low = delay }),
            repeats = 0,
        }, cancellationToken);
        await EnsureSuccessAsync(policy, "the short ladder", cancellationToken);
    }

    internal static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Setting up {what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A server's last files may still be closing; the folder is a temporary one.
        }
    }

    /// <summary>
    /// Every instance's console output, each in a file of its own, for reading after a run that went wrong. An instance's log ends
    /// when it stops; it is followed again, into the same file, when it runs again.
    /// </summary>
    private static void WriteResourceLogs(DistributedApplication app, DirectoryInfo folder)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var followed = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>();
        _ = Task.Run(async () =>
        {
            await foreach (var e in app.ResourceNotifications.WatchAsync())
            {
                if (e.Snapshot.State?.Text == KnownResourceStates.Running && followed.TryAdd(e.ResourceId, 0))
                {
                    _ = Task.Run(async () =>
                    {
                        await using (var file = new StreamWriter(Path.Combine(folder.FullName, e.ResourceId + ".log"), append: true) { AutoFlush = true })
                        {
                            await foreach (var lines in logs.WatchAsync(e.ResourceId))
                            {
                                foreach (var line in lines)
                                {
                                    await file.WriteLineAsync($"{DateTime.UtcNow:HH:mm:ss.fff} {line.Content}");
                                }
                            }
                        }
                        followed.TryRemove(e.ResourceId, out _);
                    });
                }
            }
        });
    }
}
