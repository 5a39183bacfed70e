namespace Haven.Platform.IntegrationTests;

// In the platform collection so that it runs alone: the shared fixture's processes don't change meanwhile.
[Collection(PlatformCollection.Name)]
public sealed class When_the_application_is_disposed
{
    [Fact]
    public async Task No_PostgreSQL_RabbitMQ_or_service_process_is_left()
    {
        var before = ProcessTree.Descendants();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>();
        var app = await builder.BuildAsync();
        await app.StartAsync();
        // Only what the application started: the browser tests' Chromium (also this process's descendant) spawns helpers at will.
        var started = ProcessTree.Descendants().Except(before).Where(p => !p.Command.Contains("chrom")).ToList();

        await app.DisposeAsync();

        Assert.Contains(started, p => p.Command.Contains("postgres"));
        Assert.Contains(started, p => p.Command.Contains("beam.smp"));
        Assert.Contains(started, p => p.Command.Contains("epmd"));
        Assert.Contains(started, p => p.Command.Contains("Haven.Gateway.dll"));
        // Grandchildren left to init are reaped a moment after their parent goes.
        var survivors = await Eventually.Returns(() => Task.FromResult(started.Where(ProcessTree.IsAlive).ToList()),
            alive => alive.Count == 0, "every started process to end", TimeSpan.FromSeconds(10));
        Assert.Empty(survivors);
        Assert.False(Directory.Exists(app.Options.DataDirectory));
    }
}
