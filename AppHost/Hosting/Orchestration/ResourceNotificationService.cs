using System.Collections.Immutable;

namespace Haven.Hosting;

/// <summary>The live state of every resource instance, and a way to wait for a state (Aspire's ResourceNotificationService).</summary>
public sealed class ResourceNotificationService
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ResourceSnapshot> _instances = ImmutableDictionary<string, ResourceSnapshot>.Empty;
    private TaskCompletionSource _changed = NewSignal();

    public event Action<ResourceSnapshot>? StateChanged;

    public IReadOnlyList<ResourceSnapshot> Snapshots => [.. _instances.Values.OrderBy(s => s.Instance, StringComparer.Ordinal)];

    public IReadOnlyList<ResourceSnapshot> Instances(string resource) =>
        [.. Snapshots.Where(s => s.Resource == resource)];

    internal void Publish(ResourceSnapshot snapshot)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _instances = _instances.SetItem(snapshot.Instance, snapshot);
            changed = _changed;
            _changed = NewSignal();
        }
        changed.SetResult();
        StateChanged?.Invoke(snapshot);
    }

    internal void Update(string instance, Func<ResourceSnapshot, ResourceSnapshot> change)
    {
        if (_instances.TryGetValue(instance, out var current))
        {
            Publish(change(current));
        }
    }

    /// <summary>Waits until every instance of the resource is healthy; fails fast when one has failed or exited.</summary>
    public Task WaitForResourceHealthyAsync(string resource, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resource, instances =>
        {
            if (instances.FirstOrDefault(i => i.IsTerminal) is { } ended)
            {
                throw new DistributedApplicationException(
                    $"'{ended.Instance}' is {ended.State.ToString().ToLowerInvariant()}{(ended.Message is null ? "" : $": {ended.Message}")}");
            }
            return instances.Count > 0 && instances.All(i => i.State == ResourceState.Healthy);
        }, cancellationToken);

    public async Task WaitForResourceAsync(string resource, Func<IReadOnlyList<ResourceSnapshot>, bool> predicate,
        CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }
            if (predicate(Instances(resource)))
            {
                return;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
