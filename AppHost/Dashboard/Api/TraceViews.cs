using Haven.Hosting.Dashboard.Telemetry;

namespace Haven.Hosting.Dashboard.Api;

public sealed record TraceSummary(
    string TraceId,
    string Name,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    IReadOnlyList<string> Services,
    bool HasError,
    bool IsBackground);

public sealed record SpanView(
    string SpanId,
    string? ParentSpanId,
    int Depth,
    string Name,
    SpanKind Kind,
    string Service,
    string Instance,
    string Scope,
    double OffsetMs,
    double DurationMs,
    SpanStatus Status,
    string? StatusMessage,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanEvent> Events);

public sealed record TraceDetail(string TraceId, string Name, DateTimeOffset Start, double DurationMs, IReadOnlyList<string> Services,
    IReadOnlyList<SpanView> Spans);

internal static class TraceViews
{
    public static TraceSummary Summarize(IReadOnlyList<SpanData> spans)
    {
        var (start, end) = (spans.Min(s => s.Start), spans.Max(s => s.End));
        return new TraceSummary(spans[0].TraceId, NameOf(spans), start, (end - start).TotalMilliseconds, spans.Count,
            ServicesOf(spans), spans.Any(s => s.Status == SpanStatus.Error), spans.All(s => s.IsBackground));
    }

    /// <summary>The waterfall: each span under its parent, siblings by start time; spans whose parent never arrived are roots.</summary>
    public static TraceDetail Detail(IReadOnlyList<SpanData> spans)
    {
        var summary = Summarize(spans);
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var children = spans.ToLookup(s => s.ParentSpanId is { } parent && ids.Contains(parent) ? parent : null);
        var ordered = new List<SpanView>(spans.Count);
        var visited = new HashSet<string>();
        void Visit(SpanData span, int depth)
        {
            if (!visited.Add(span.SpanId))
            {
                return;
            }
            ordered.Add(new SpanView(span.SpanId, span.ParentSpanId, depth, span.Name, span.Kind, span.Service, span.Instance, span.Scope,
                (span.Start - summary.Start).TotalMilliseconds, span.Duration.TotalMilliseconds, span.Status, span.StatusMessage,
                span.Attributes, span.Events));
            foreach (var child in children[span.SpanId].OrderBy(c => c.Start))
            {
                Visit(child, depth + 1);
            }
        }
        foreach (var root in children[null].OrderBy(s => s.Start))
        {
            Visit(root, 0);
        }
        return new TraceDetail(summary.TraceId, summary.Name, summary.Start, summary.DurationMs, summary.Services, ordered);
    }

    private static string NameOf(IReadOnlyList<SpanData> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var root = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).MinBy(s => s.Start) ?? spans[0];
        // An HTTP client span is named after the method alone; the path says what it called.
        return root.Kind == SpanKind.Client && root.UrlPath is { } path ? $"{root.Service}: {root.Name} {path}" : $"{root.Service}: {root.Name}";
    }

    // In the order they joined the trace: gateway, then the service behind it, and so on.
    private static List<string> ServicesOf(IReadOnlyList<SpanData> spans) =>
        [.. spans.OrderBy(s => s.Start).Select(s => s.Service).Distinct()];
}
