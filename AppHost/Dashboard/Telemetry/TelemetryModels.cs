namespace Haven.Hosting.Dashboard.Telemetry;

/// <summary>Who sent a piece of telemetry: the service (OTEL_SERVICE_NAME) and the replica (service.instance.id).</summary>
public sealed record TelemetrySource(string Service, string Instance);

public enum SpanKind { Unspecified, Internal, Server, Client, Producer, Consumer }

public enum SpanStatus { Unset, Ok, Error }

public sealed record SpanEvent(DateTimeOffset Timestamp, string Name, IReadOnlyDictionary<string, string> Attributes);

public sealed record SpanData(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    SpanKind Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Service,
    string Instance,
    string Scope,
    SpanStatus Status,
    string? StatusMessage,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanEvent> Events)
{
    public TimeSpan Duration => End - Start;

    /// <summary>
    /// A trace of one client span that nothing started: a health probe (the gateway checks every replica every few
    /// seconds) or a background poll of a database (outbox and scheduler loops). Dozens a second on an idle platform.
    /// </summary>
    public bool IsBackground => ParentSpanId is null && Kind == SpanKind.Client
        && (Attributes.ContainsKey("db.system") || Attributes.ContainsKey("db.system.name") || UrlPath is "/health" or "/alive");

    /// <summary>The path an HTTP client span called.</summary>
    public string? UrlPath => Uri.TryCreate(Attributes.GetValueOrDefault("url.full"), UriKind.Absolute, out var url) ? url.AbsolutePath : null;
}

public sealed record LogEntry(
    DateTimeOffset Timestamp,
    int SeverityNumber,
    string Level,
    string Message,
    string Service,
    string Instance,
    string Category,
    IReadOnlyDictionary<string, string> Attributes,
    string? TraceId,
    string? SpanId)
{
    /// <summary>Levels as .NET names them, from OTLP's severity numbers (1–4 trace … 21–24 fatal).</summary>
    public static string LevelOf(int severityNumber) => severityNumber switch
    {
        <= 0 => "Unspecified",
        <= 4 => "Trace",
        <= 8 => "Debug",
        <= 12 => "Information",
        <= 16 => "Warning",
        <= 20 => "Error",
        _ => "Critical",
    };

    /// <summary>The lowest OTLP severity number of a level, for "this level and above" filters.</summary>
    public static int MinimumSeverityOf(string level) => level.ToLowerInvariant() switch
    {
        "trace" => 1,
        "debug" => 5,
        "information" or "info" => 9,
        "warning" or "warn" => 13,
        "error" => 17,
        "critical" or "fatal" => 21,
        _ => 0,
    };
}

public enum MetricKind { Gauge, Sum, Histogram }

public sealed record HistogramValue(ulong Count, double Sum, IReadOnlyList<ulong> BucketCounts, IReadOnlyList<double> Bounds);

/// <summary>One data point: a number for gauges and sums, a distribution for histograms.</summary>
public sealed record MetricPoint(DateTimeOffset Start, DateTimeOffset Time, double Value, HistogramValue? Histogram);

public sealed record MetricSample(
    string Service,
    string Instance,
    string Scope,
    string Name,
    string Description,
    string Unit,
    MetricKind Kind,
    bool IsCumulative,
    IReadOnlyDictionary<string, string> Attributes,
    MetricPoint Point);
