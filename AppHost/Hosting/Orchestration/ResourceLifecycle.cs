namespace Haven.Hosting;

/// <summary>What the orchestrator does to bring one resource up, watch it, and take it down.</summary>
internal abstract class ResourceLifecycle(Resource resource, OrchestrationContext context)
{
    public Resource Resource { get; } = resource;
    protected OrchestrationContext Context { get; } = context;

    /// <summary>The names of the resource's instances (one, or one per replica).</summary>
    public virtual IReadOnlyList<string> InstanceNames => [Resource.Name];

    /// <summary>Runs before anything starts: shows the instances as waiting.</summary>
    public virtual void Prepare()
    {
        foreach (var instance in InstanceNames)
        {
            Publish(new ResourceSnapshot(Resource.Name, instance, ResourceType, ResourceState.Waiting));
        }
    }

    protected abstract string ResourceType { get; }

    /// <summary>Starts the resource and returns once it is healthy.</summary>
    public abstract Task StartAsync(CancellationToken cancellationToken);

    public abstract Task StopAsync();

    protected void Publish(ResourceSnapshot snapshot) => Context.Notifications.Publish(snapshot);

    protected void MarkStarting(string instance, IReadOnlyList<string>? urls = null) =>
        Publish(new ResourceSnapshot(Resource.Name, instance, ResourceType, ResourceState.Starting, DateTimeOffset.UtcNow, Urls: urls));

    protected void SetState(string instance, ResourceState state, string? message = null) =>
        Context.Notifications.Update(instance, s => s with { State = state, Message = message ?? s.Message });

    /// <summary>Marks the instance failed when its process ends while it was meant to run.</summary>
    protected void WatchExit(string instance, ManagedProcess process, Func<bool> stopping) =>
        process.Exited.ContinueWith(exit =>
        {
            var expected = stopping();
            Context.Notifications.Update(instance, s => s with
            {
                State = expected || exit.Result == 0 ? ResourceState.Exited : ResourceState.Failed,
                ExitCode = exit.Result,
                Message = expected ? s.Message : $"exited unexpectedly with code {exit.Result}",
            });
            if (!expected)
            {
                Context.Logs.Log(instance, $"exited unexpectedly with code {exit.Result}", isError: true);
            }
        }, TaskScheduler.Default);

    /// <summary>Polls <paramref name="probe"/> until it answers true, the process ends, or start-up is cancelled.</summary>
    protected static async Task WaitUntilAsync(Func<CancellationToken, Task<bool>> probe, ManagedProcess process,
        string instance, CancellationToken cancellationToken)
    {
        while (!await probe(cancellationToken))
        {
            if (process.Exited.IsCompleted)
            {
                throw new DistributedApplicationException(
                    $"'{instance}' exited with code {process.Exited.Result} while starting; its console log above says why.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}

internal sealed record OrchestrationContext(
    DistributedApplicationOptions Options,
    ResourceNotificationService Notifications,
    ResourceLoggerService Logs,
    HttpClient Http);
