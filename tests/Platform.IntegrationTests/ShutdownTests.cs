namespace Haven.Platform.IntegrationTests;

// In the platform collection so that it runs alone: the shared fixture's processes don't change meanwhile.
[Collection(PlatformCollection.Name)]
public sealed class When_the_application_is_disposed
{
    [Fact]
    public async Task No_PostgreSQL_RabbitMQ_or_service_process_is_left()
    {
        var before = ProcessTree.Children();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>();
        var app = await builder.BuildAsync();
        await app.StartAsync();
        // Only the trees of the children this application started: the shared fixture's PostgreSQL forks a backend per new
        // connection, and the browser tests' Chromium spawns helpers at will, all descendants of this test process too.
        var started = ProcessTree.Trees(ProcessTree.Children().Except(before)).ToList();

        await app.DisposeAsync();

        Assert.Contains(started, p => p.Command.Contains("postgres"));
        Assert.Contains(started, p => p.Command.Contains("beam.smp"));
        Assert.Contains(started, p => p.Command.Contains("epmd"));
        Assert.Contains(started, p => p.Command.Contains("Haven.Gateway.dll"));
        // Grandchildren left to init are reaped a moment after their parent goes.
        var survivors = await Eventually.Returns(
            () => Task.FromResult(string.Join("; ", started.Where(ProcessTree.IsAlive).Select(p => $"{p.Pid} {p.Command}"))),
            alive => alive.Length == 0, "every started process to end", TimeSpan.FromSeconds(10));
        Assert.Empty(survivors);
        Assert.False(Directory.Exists(app.Options.DataDirectory));
    }
}
