using Microsoft.Extensions.DependencyInjection;

namespace Haven.Platform.IntegrationTests;

// In the platform collection so that it runs alone: the machine's processes don't change meanwhile for other reasons.
[Collection(PlatformCollection.Name)]
public sealed class When_the_application_is_disposed
{
    [Fact]
    public async Task No_PostgreSQL_RabbitMQ_epmd_or_service_process_is_left()
    {
        var data = Directory.CreateTempSubdirectory("haven-shutdown-");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var builder = await TestAppHost.CreateBuilderAsync(data, [], _ => { }, timeout.Token);
        var app = await TestAppHost.StartAsync(builder, timeout.Token);
        // Every process the orchestrator started, and what they started (PostgreSQL's backends, Erlang's helpers, dotnet run's app).
        var started = ProcessTree.Trees(await ResourceProcessesAsync(app, timeout.Token)).ToList();

        await app.DisposeAsync();

        Assert.Contains(started, p => p.Command.Contains("postgres"));
        Assert.Contains(started, p => p.Command.Contains("beam.smp"));
        Assert.Contains(started, p => p.Command.Contains("epmd"));
        Assert.Contains(started, p => p.Command.Contains("aiosmtpd"));
        Assert.Contains(started, p => p.Command.Contains("Haven.Gateway"));
        // Grandchildren left to init are reaped a moment after their parent goes.
        var survivors = await Eventually.Returns(
            () => Task.FromResult(string.Join("; ", started.Where(ProcessTree.IsAlive).Select(p => $"{p.Pid} {p.Command}"))),
            alive => alive.Length == 0, "every started process to end", TimeSpan.FromSeconds(15));
        Assert.Empty(survivors);
        data.Delete(recursive: true);
    }

    // The process of every instance of every executable and project of the graph, once each has one (not Aspire's project
    // rebuilders, which are executables that run only on demand).
    private static async Task<List<ProcessTree.ProcessId>> ResourceProcessesAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var expected = app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r is ProjectResource || r is ExecutableResource and not IResourceWithParent).ToList();
        var pids = new Dictionary<string, (IResource Resource, int Pid)>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await foreach (var e in app.ResourceNotifications.WatchAsync(timeout.Token))
            {
                // The property Aspire's dashboard shows as the process id (KnownProperties.Executable.Pid, internal to Aspire).
                if (e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is int pid)
                {
                    pids[e.ResourceId] = (e.Resource, pid);
                }
                if (expected.All(r => pids.Values.Count(p => p.Resource == r) == r.GetReplicaCount()))
                {
                    return [.. pids.Values.Select(p => ProcessTree.Read(p.Pid)).OfType<ProcessTree.ProcessId>()];
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        throw new TimeoutException("No process id for " + string.Join(", ", expected.Where(r => pids.Values.All(p => p.Resource != r)).Select(r => r.Name)));
    }
}
