using Haven.Hosting.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Haven.Hosting.Dashboard.Api;

public sealed record LogPage(int Matched, IReadOnlyList<LogEntry> Entries);

internal static class StructuredLogsApi
{
    public static IEndpointRouteBuilder MapStructuredLogsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/logs", Search);
        return endpoints;
    }

    /// <summary>Newest first. <paramref name="resource"/> is a service or one of its instances; <paramref name="level"/> means that level and above.</summary>
    private static Ok<LogPage> Search(TelemetryStore store, string? resource, string? level, string? text, string? traceId, int? limit)
    {
        var minimum = level is null ? 0 : LogEntry.MinimumSeverityOf(level);
        var matches = store.Logs.Snapshot().Reverse()
            .Where(e => string.IsNullOrEmpty(resource) || e.Service == resource || e.Instance == resource)
            .Where(e => e.SeverityNumber >= minimum)
            .Where(e => string.IsNullOrEmpty(traceId) || e.TraceId == traceId)
            .Where(e => string.IsNullOrEmpty(text) || Contains(e, text))
            .ToList();
        return TypedResults.Ok(new LogPage(matches.Count, matches.Take(Math.Clamp(limit ?? 200, 1, 1_000)).ToList()));
    }

    private static bool Contains(LogEntry entry, string text) =>
        entry.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
        || entry.Category.Contains(text, StringComparison.OrdinalIgnoreCase)
        || entry.Attributes.Values.Any(v => v.Contains(text, StringComparison.OrdinalIgnoreCase));
}
