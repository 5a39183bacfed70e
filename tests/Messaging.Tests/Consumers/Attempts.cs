using System.Collections.Concurrent;

namespace Haven.Messaging.Tests.Consumers;

/// <summary>How many times a consumer was called for each key.</summary>
public sealed class Attempts
{
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    public int Count(Guid key) => _attempts.AddOrUpdate(key, 1, (_, count) => count + 1);

    public int Of(Guid key) => _attempts.GetValueOrDefault(key);
}
