namespace Haven.Hosting;

/// <summary>
/// Brings the graph up in dependency order — each resource starts once everything it waits for is
/// healthy, independent ones in parallel — and down in the reverse order.
/// </summary>
internal sealed class Orchestrator(IReadOnlyList<Resource> resources, OrchestrationContext context)
{
    private readonly List<ResourceLifecycle> _lifecycles = [.. resources.Select<Resource, ResourceLifecycle?>(resource => resource switch
    {
        PostgresServerResource server => new PostgresLifecycle(server, context),
        PostgresDatabaseResource database => new DatabaseLifecycle(database, context),
        RabbitMQServerResource broker => new RabbitMQLifecycle(broker, context),
        ProjectResource project => new ProjectLifecycle(project, context),
        DevelopmentIdentityResource identity => new DevelopmentIdentityLifecycle(identity, context),
        SmtpServerResource smtp => new SmtpLifecycle(smtp, context),
        _ => null,
    }).OfType<ResourceLifecycle>()];

    private readonly List<ResourceLifecycle> _started = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var lifecycle in _lifecycles)
        {
            lifecycle.Prepare();
        }

        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(context.Options.StartupTimeout);
        var ready = _lifecycles.ToDictionary(l => l.Resource, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Exception? firstFailure = null;

        await Task.WhenAll(_lifecycles.Select(async lifecycle =>
        {
            try
            {
                await StartWhenReadyAsync(lifecycle, ready, startup.Token);
                ready[lifecycle.Resource].SetResult();
            }
            catch (Exception e)
            {
                // Only the start-up's own cancellation is not a failure: a timeout inside a probe is one.
                if (!startup.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref firstFailure, e, null);
                    // One failure ends the start-up (before dependents learn of it, so that they do not
                    // report their own cancellation as the cause).
                    await startup.CancelAsync();
                }
                ready[lifecycle.Resource].SetCanceled(startup.Token);
            }
        }));

        cancellationToken.ThrowIfCancellationRequested();
        if (firstFailure is not null)
        {
            throw firstFailure as DistributedApplicationException ?? new DistributedApplicationException(firstFailure.Message);
        }
        var notHealthy = context.Notifications.Snapshots.Where(s => s.State != ResourceState.Healthy).Select(s => s.Instance).ToList();
        if (startup.IsCancellationRequested || notHealthy.Count > 0)
        {
            throw new DistributedApplicationException(
                $"Start-up took longer than {context.Options.StartupTimeout}; not healthy: {string.Join(", ", notHealthy)}.");
        }
    }

    public async Task StopAsync()
    {
        // Dependents first: reverse of the order in which resources became ready.
        List<ResourceLifecycle> started;
        lock (_started)
        {
            started = [.. _started];
            _started.Clear();
        }
        started.Reverse();
        foreach (var lifecycle in started)
        {
            await lifecycle.StopAsync();
        }
    }

    public ProjectLifecycle Project(string name) =>
        _lifecycles.OfType<ProjectLifecycle>().SingleOrDefault(l => l.Resource.Name == name)
        ?? throw new DistributedApplicationException($"No project named '{name}'.");

    private async Task StartWhenReadyAsync(ResourceLifecycle lifecycle, Dictionary<Resource, TaskCompletionSource> ready,
        CancellationToken cancellationToken)
    {
        foreach (var dependency in lifecycle.Resource.WaitsFor.Where(ready.ContainsKey))
        {
            await ready[dependency].Task.WaitAsync(cancellationToken);
        }

        lock (_started)
        {
            // Registered before it starts, so a half-started resource is stopped too.
            _started.Add(lifecycle);
        }
        try
        {
            await lifecycle.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var instance in context.Notifications.Instances(lifecycle.Resource.Name).Where(s => !s.IsTerminal))
            {
                context.Notifications.Update(instance.Instance, s => s with { State = ResourceState.Failed, Message = e.Message });
            }
            throw;
        }
    }
}
