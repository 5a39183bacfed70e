using Haven.Hosting.Dashboard.Telemetry;

namespace Haven.Hosting.Dashboard.Api;

/// <summary>What an operator asks first of a service: how busy, how failing, how slow, how much it consumed.</summary>
public sealed record ResourceMetricsView(
    string Resource,
    IReadOnlyList<string> Instances,
    double RequestsTotal,
    double RequestsPerSecond,
    double ServerErrorsTotal,
    double ServerErrorsPerSecond,
    double? MeanLatencyMs,
    double? P95LatencyMs,
    double MessagesConsumedTotal,
    double MessagesConsumedPerSecond,
    double ConsumeErrorsTotal);

public sealed record QueueView(string Name, long Messages, long Ready, long Unacknowledged, int Consumers, double PublishRate, double DeliverRate);

public sealed record MetricsOverview(int WindowSeconds, IReadOnlyList<ResourceMetricsView> Resources, IReadOnlyList<QueueView> Queues,
    string? QueuesError);

public sealed record InstrumentView(string Name, string Scope, string Description, string Unit, MetricKind Kind, int Series, double Latest);

internal static class MetricViews
{
    public const int WindowSeconds = 60;

    private const string RequestDuration = "http.server.request.duration";
    private const string Consumed = "messaging.masstransit.consume";
    private const string ConsumeErrors = "messaging.masstransit.consume.errors";

    // The orchestrator's health probes hit every instance every few seconds; counted, they would drown real traffic.
    private static readonly HashSet<string> ProbeRoutes = ["/health", "/alive"];

    public static List<ResourceMetricsView> Summarize(IEnumerable<MetricSeries> all, DateTimeOffset now)
    {
        var from = now.AddSeconds(-WindowSeconds);
        return [.. all.GroupBy(s => s.Service).OrderBy(g => g.Key, StringComparer.Ordinal).Select(service =>
        {
            var seconds = Math.Max(1, (now - service.Select(s => s.Points[0].Start).Append(from).Max()).TotalSeconds);
            var requests = service.Where(s => s.Name == RequestDuration && !ProbeRoutes.Contains(s.Attributes.GetValueOrDefault("http.route") ?? ""))
                .ToList();
            var errors = requests.Where(IsServerError).ToList();
            var latency = MergedChange(requests, from);
            var consumed = service.Where(s => s.Name == Consumed).ToList();
            return new ResourceMetricsView(
                service.Key,
                [.. service.Select(s => s.Instance).Distinct().Order(StringComparer.Ordinal)],
                requests.Sum(Total),
                requests.Sum(s => ChangeSince(s, from)?.Value ?? 0) / seconds,
                errors.Sum(Total),
                errors.Sum(s => ChangeSince(s, from)?.Value ?? 0) / seconds,
                latency is { Value: > 0 } ? ToMilliseconds(latency.Sum / latency.Value, requests[0].Unit) : null,
                latency is { Value: > 0 } ? ToMilliseconds(Percentile(latency, 0.95), requests[0].Unit) : null,
                consumed.Sum(Total),
                consumed.Sum(s => ChangeSince(s, from)?.Value ?? 0) / seconds,
                service.Where(s => s.Name == ConsumeErrors).Sum(Total));
        })];
    }

    public static List<InstrumentView> Instruments(IEnumerable<MetricSeries> series) =>
        [.. series.GroupBy(s => (s.Scope, s.Name)).OrderBy(g => g.Key.Scope, StringComparer.Ordinal).ThenBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => new InstrumentView(g.Key.Name, g.Key.Scope, g.First().Description, g.First().Unit, g.First().Kind, g.Count(),
                g.First().Kind == MetricKind.Gauge ? g.Sum(s => s.Points[^1].Value) : g.Sum(Total)))];

    private static bool IsServerError(MetricSeries series) =>
        int.TryParse(series.Attributes.GetValueOrDefault("http.response.status_code"), out var status) && status >= 500;

    /// <summary>Since the process started (cumulative), or over the retained points (delta).</summary>
    private static double Total(MetricSeries series) =>
        series.IsCumulative ? series.Points[^1].Value : series.Points.Sum(p => p.Value);

    private sealed record Change(double Value, double Sum, double[] Buckets, IReadOnlyList<double> Bounds);

    /// <summary>How much a series grew since <paramref name="from"/>; null when it has not been reported since.</summary>
    private static Change? ChangeSince(MetricSeries series, DateTimeOffset from)
    {
        var last = series.Points[^1];
        if (last.Time < from)
        {
            return null;
        }
        if (!series.IsCumulative)
        {
            return series.Points.Where(p => p.Time > from).Select(p => Difference(p, null)).Aggregate(Add);
        }
        // No point before the window means the series began inside it: everything it counted is new.
        var baseline = series.Points.LastOrDefault(p => p.Time <= from);
        return Difference(last, baseline is not null && baseline.Value <= last.Value ? baseline : null);
    }

    private static Change Difference(MetricPoint point, MetricPoint? baseline)
    {
        var histogram = point.Histogram;
        var before = baseline?.Histogram;
        double[] buckets = histogram is null ? []
            : [.. histogram.BucketCounts.Select((c, i) => (double)c - (before?.BucketCounts.Count == histogram.BucketCounts.Count ? before.BucketCounts[i] : 0))];
        return new Change(point.Value - (baseline?.Value ?? 0), (histogram?.Sum ?? 0) - (before?.Sum ?? 0), buckets, histogram?.Bounds ?? []);
    }

    private static Change Add(Change a, Change b) =>
        new(a.Value + b.Value, a.Sum + b.Sum, a.Buckets.Length == b.Buckets.Length ? [.. a.Buckets.Zip(b.Buckets, (x, y) => x + y)] : a.Buckets, a.Bounds);

    /// <summary>All series' changes in one distribution (series of one instrument share their bucket bounds).</summary>
    private static Change? MergedChange(IEnumerable<MetricSeries> series, DateTimeOffset from) =>
        series.Select(s => ChangeSince(s, from)).OfType<Change>().DefaultIfEmpty().Aggregate((a, b) => a is null ? b : b is null ? a : Add(a, b));

    /// <summary>Linear interpolation inside the bucket that holds the quantile, as Prometheus' histogram_quantile does.</summary>
    private static double Percentile(Change histogram, double quantile)
    {
        var (buckets, bounds) = (histogram.Buckets, histogram.Bounds);
        var target = quantile * buckets.Sum();
        double seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            if (buckets[i] <= 0 || seen + buckets[i] < target)
            {
                seen += buckets[i];
                continue;
            }
            var lower = i == 0 ? 0 : bounds[i - 1];
            // Past the last bound there is no upper edge: the last bound is the best estimate.
            var upper = i < bounds.Count ? bounds[i] : lower;
            return lower + (upper - lower) * ((target - seen) / buckets[i]);
        }
        return bounds.Count > 0 ? bounds[^1] : 0;
    }

    private static double ToMilliseconds(double value, string unit) => unit == "s" ? value * 1000 : value;
}
