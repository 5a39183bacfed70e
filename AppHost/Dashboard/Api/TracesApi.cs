using Haven.Hosting.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Haven.Hosting.Dashboard.Api;

internal static class TracesApi
{
    public static IEndpointRouteBuilder MapTracesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/traces");
        api.MapGet("/", List);
        api.MapGet("/{traceId}", Get);
        return endpoints;
    }

    /// <summary>
    /// Newest first; <paramref name="resource"/> keeps traces with a span from that service or instance. Background traces
    /// (health probes, database polls) are left out unless asked for: they would bury every other trace.
    /// </summary>
    private static Ok<List<TraceSummary>> List(TelemetryStore store, string? resource, bool? background, int? limit) =>
        TypedResults.Ok((background == true ? [.. store.Spans.Snapshot(), .. store.BackgroundSpans.Snapshot()] : store.Spans.Snapshot())
            .GroupBy(s => s.TraceId)
            .Where(t => string.IsNullOrEmpty(resource) || t.Any(s => s.Service == resource || s.Instance == resource))
            .Select(t => TraceViews.Summarize([.. t]))
            .OrderByDescending(t => t.Start)
            .Take(Math.Clamp(limit ?? 100, 1, 1_000))
            .ToList());

    private static Results<Ok<TraceDetail>, NotFound> Get(string traceId, TelemetryStore store)
    {
        var spans = store.Spans.Snapshot().Concat(store.BackgroundSpans.Snapshot()).Where(s => s.TraceId == traceId).ToList();
        return spans.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(TraceViews.Detail(spans));
    }
}
