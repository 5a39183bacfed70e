namespace Haven.Hosting.Dashboard.Telemetry;

/// <summary>One time series: an instrument of one instance with one set of attributes.</summary>
public sealed record MetricSeries(
    string Service,
    string Instance,
    string Scope,
    string Name,
    string Description,
    string Unit,
    MetricKind Kind,
    bool IsCumulative,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<MetricPoint> Points);

/// <summary>
/// Metrics kept as time series: the last <c>pointsPerSeries</c> points of at most <c>maxSeries</c> series,
/// the least recently updated series dropped first.
/// </summary>
internal sealed class MetricStore(int maxSeries, int pointsPerSeries)
{
    private readonly Dictionary<string, Series> _series = [];
    private readonly Lock _gate = new();
    private long _updates;

    public void Add(IEnumerable<MetricSample> samples)
    {
        lock (_gate)
        {
            foreach (var sample in samples)
            {
                var key = string.Join('\u001f', [sample.Instance, sample.Scope, sample.Name,
                    .. sample.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")]);
                if (!_series.TryGetValue(key, out var series))
                {
                    if (_series.Count == maxSeries)
                    {
                        _series.Remove(_series.MinBy(s => s.Value.LastUpdate).Key);
                    }
                    series = _series[key] = new Series(sample);
                }
                if (series.Points.Count == pointsPerSeries)
                {
                    series.Points.Dequeue();
                }
                series.Points.Enqueue(sample.Point);
                series.LastUpdate = ++_updates;
            }
        }
    }

    public List<MetricSeries> Snapshot()
    {
        lock (_gate)
        {
            return [.. _series.Values.Select(s => s.Descriptor with { Points = [.. s.Points] })];
        }
    }

    private sealed class Series(MetricSample first)
    {
        public MetricSeries Descriptor { get; } = new(first.Service, first.Instance, first.Scope, first.Name, first.Description,
            first.Unit, first.Kind, first.IsCumulative, first.Attributes, []);

        public Queue<MetricPoint> Points { get; } = new();
        public long LastUpdate { get; set; }
    }
}
