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
        var started = ProcessTree.Descendants().Except(before).ToList();

        await app.DisposeAsync();

        Assert.Contains(started, p => p.Command.Contains("postgres"));
        Assert.Contains(started, p => p.Command.Contains("beam.smp"));
        Assert.Contains(started, p => p.Command.Contains("epmd"));
        Assert.Contains(started, p => p.Command.Contains("Haven.Gateway.dll"));
        Assert.DoesNotContain(started, ProcessTree.IsAlive);
        Assert.False(Directory.Exists(app.Options.DataDirectory));
    }
}
