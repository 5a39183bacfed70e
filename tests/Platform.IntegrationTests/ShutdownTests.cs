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

    private static async Task<List<ProcessTree.ProcessId>> ResourceProcessesAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var pids = new Dictionary<string, int>();
        await foreach (var e in app.ResourceNotifications.WatchAsync(cancellationToken))
        {
            // The property Aspire's dashboard shows as the process id (KnownProperties.Executable.Pid, internal to Aspire).
            if (e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is int pid)
            {
                pids[e.ResourceId] = pid;
            }
            if (pids.Keys.Any(id => id.StartsWith("gateway")) && pids.Keys.Any(id => id.StartsWith("messaging-epmd")))
            {
                break;
            }
        }
        return [.. pids.Values.Select(ProcessTree.Read).OfType<ProcessTree.ProcessId>()];
    }
}
