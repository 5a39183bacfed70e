using System.Diagnostics;

namespace Haven.Benchmarks;

/// <summary>What one request got: its status (0: no answer), its Retry-After when refused, how long it took, when it came.</summary>
public sealed record Answer(int Status, bool RetryAfter, double Milliseconds, long AnsweredAt, Guid? CaseId = null);

public static class Load
{
    /// <summary>
    /// Offers <paramref name="count"/> requests evenly over <paramref name="over"/>, each started on time whether or not
    /// the earlier ones were answered (an open loop: a slow server does not slow the offered rate down).
    /// </summary>
    public static async Task<Answer[]> OfferAsync(int count, TimeSpan over, Func<int, Task<Answer>> send)
    {
        var started = Stopwatch.GetTimestamp();
        var requests = new Task<Answer>[count];
        for (var i = 0; i < count; i++)
        {
            var wait = over * i / count - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            var index = i;
            requests[i] = Task.Run(() => send(index));
        }
        return await Task.WhenAll(requests);
    }

    /// <summary>Closed loop: <paramref name="workers"/> clients each sending the next request as soon as the last is answered.</summary>
    public static async Task<(double PerSecond, double[] Milliseconds)> SaturateAsync(int workers, TimeSpan duration, Func<Task> send)
    {
        var latencies = new List<double>[workers];
        var timer = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var own = latencies[worker] = [];
            while (timer.Elapsed < duration)
            {
                var at = Stopwatch.GetTimestamp();
                await send();
                own.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            }
        })));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / timer.Elapsed.TotalSeconds, all);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
