namespace Haven.Hosting.Dashboard.Telemetry;

/// <summary>The newest <c>capacity</c> items, oldest dropped first: the dashboard keeps telemetry in memory only.</summary>
internal sealed class BoundedBuffer<T>(int capacity)
{
    private readonly Queue<T> _items = new();
    private readonly Lock _gate = new();

    public int Capacity { get; } = capacity;

    public void AddRange(IEnumerable<T> items)
    {
        lock (_gate)
        {
            foreach (var item in items)
            {
                if (_items.Count == Capacity)
                {
                    _items.Dequeue();
                }
                _items.Enqueue(item);
            }
        }
    }

    /// <summary>Oldest first.</summary>
    public T[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }
}
