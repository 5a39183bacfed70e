using System.Collections.Concurrent;
using System.Diagnostics;

namespace Haven.Messaging.Benchmarks;

/// <summary>Publish-to-consume latency of every message of the current round, and when its last message arrived.</summary>
public sealed class Latencies
{
    private ConcurrentDictionary<Guid, double> _milliseconds = new();
    private TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;

    public Task Complete => _complete.Task;

    public void Start(int expected)
    {
        _expected = expected;
        _milliseconds = new ConcurrentDictionary<Guid, double>();
        _complete = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Record(SubmissionAccepted message)
    {
        // A redelivery (plain MassTransit has no inbox) must not count twice.
        if (_milliseconds.TryAdd(message.SubmissionId, Stopwatch.GetElapsedTime(message.StartedAt).TotalMilliseconds)
            && _milliseconds.Count == _expected)
        {
            _complete.TrySetResult();
        }
    }

    public double Percentile(double percentile)
    {
        var sorted = _milliseconds.Values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
