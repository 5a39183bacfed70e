namespace Haven.Hosting.Dashboard.Telemetry;

/// <summary>Everything the services sent over OTLP since the AppHost started, bounded per kind.</summary>
internal sealed class TelemetryStore(int capacity = TelemetryStore.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    /// <summary>Points kept per metric series: at a 5 s export interval, the last five minutes.</summary>
    private const int PointsPerSeries = 60;

    public BoundedBuffer<SpanData> Spans { get; } = new(capacity);

    /// <summary>Background spans (probes, polls) apart, so that they never push a request's or a message's trace out.</summary>
    public BoundedBuffer<SpanData> BackgroundSpans { get; } = new(capacity / 5);
    public BoundedBuffer<LogEntry> Logs { get; } = new(capacity);
    public MetricStore Metrics { get; } = new(capacity, PointsPerSeries);

    public void AddSpans(IReadOnlyList<SpanData> spans)
    {
        Spans.AddRange(spans.Where(s => !s.IsBackground));
        BackgroundSpans.AddRange(spans.Where(s => s.IsBackground));
    }
}
