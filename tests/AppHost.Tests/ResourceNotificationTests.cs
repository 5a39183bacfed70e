namespace Haven.AppHost.Tests;

public sealed class Waiting_for_a_resource
{
    private readonly ResourceNotificationService _notifications = new();

    [Fact]
    public async Task Completes_when_every_replica_is_healthy()
    {
        _notifications.Publish(new ResourceSnapshot("intake", "intake-0", "Project", ResourceState.Starting));
        _notifications.Publish(new ResourceSnapshot("intake", "intake-1", "Project", ResourceState.Starting));
        var waiting = _notifications.WaitForResourceHealthyAsync("intake");

        _notifications.Publish(new ResourceSnapshot("intake", "intake-0", "Project", ResourceState.Healthy));
        Assert.False(waiting.IsCompleted);
        _notifications.Publish(new ResourceSnapshot("intake", "intake-1", "Project", ResourceState.Healthy));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Fails_fast_when_an_instance_has_failed()
    {
        _notifications.Publish(new ResourceSnapshot("intake", "intake-0", "Project", ResourceState.Starting));
        var waiting = _notifications.WaitForResourceHealthyAsync("intake");

        _notifications.Publish(new ResourceSnapshot("intake", "intake-0", "Project", ResourceState.Failed, Message: "port in use"));

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("port in use", error.Message);
    }
}
