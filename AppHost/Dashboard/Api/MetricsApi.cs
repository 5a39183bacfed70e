using Haven.Hosting.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Haven.Hosting.Dashboard.Api;

internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/metrics");
        api.MapGet("/", GetOverviewAsync);
        api.MapGet("/{resource}", GetInstruments);
        return endpoints;
    }

    private static async Task<Ok<MetricsOverview>> GetOverviewAsync(TelemetryStore store, RabbitMQQueues queues, CancellationToken cancellationToken)
    {
        var (queueViews, error) = await queues.ReadAsync(cancellationToken);
        return TypedResults.Ok(new MetricsOverview(MetricViews.WindowSeconds,
            MetricViews.Summarize(store.Metrics.Snapshot(), DateTimeOffset.UtcNow), queueViews, error));
    }

    /// <summary>Every instrument a service (or one instance) reports, with its latest total.</summary>
    private static Results<Ok<List<InstrumentView>>, NotFound> GetInstruments(string resource, TelemetryStore store)
    {
        var series = store.Metrics.Snapshot().Where(s => s.Service == resource || s.Instance == resource).ToList();
        return series.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(MetricViews.Instruments(series));
    }
}
