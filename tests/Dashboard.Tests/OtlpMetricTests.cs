using System.Diagnostics.Metrics;
using Haven.Hosting.Dashboard.Api;
using Haven.Hosting.Dashboard.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Haven.Dashboard.Tests;

public sealed class When_a_service_exports_metrics(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    [Fact]
    public async Task Requests_errors_latency_and_consumed_messages_are_summed_per_resource()
    {
        using var meter = new Meter($"Haven.Tests.{Guid.NewGuid():N}");
        using var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(OtlpExport.Resource("orders", "orders-0"))
            .AddMeter(meter.Name)
            .AddOtlpExporter(OtlpExport.To(fixture.Dashboard, "metrics"))
            .Build();
        // Named and shaped as ASP.NET Core's and MassTransit's own instruments.
        var duration = meter.CreateHistogram("http.server.request.duration", "s", null, null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        var consumed = meter.CreateCounter<long>("messaging.masstransit.consume");

        for (var i = 0; i < 9; i++)
        {
            duration.Record(0.010, new("http.route", "/orders"), new("http.response.status_code", 200));
        }
        duration.Record(0.5, new("http.route", "/orders"), new("http.response.status_code", 503));
        duration.Record(0.001, new("http.route", "/health"), new("http.response.status_code", 200));
        consumed.Add(3, new KeyValuePair<string, object?>("messaging.masstransit.message_type", "OrderPlaced"));
        Assert.True(metrics.ForceFlush(5_000));

        var overview = await fixture.GetAsync<MetricsOverview>("/api/metrics");

        var orders = Assert.Single(overview.Resources, r => r.Resource == "orders");
        Assert.Equal(["orders-0"], orders.Instances);
        // The orchestrator's health probes are not traffic.
        Assert.Equal((10, 1), (orders.RequestsTotal, orders.ServerErrorsTotal));
        Assert.True(orders.RequestsPerSecond > 0);
        Assert.Equal((9 * 10 + 500) / 10.0, orders.MeanLatencyMs!.Value, 0.001);
        // 9.5 of 10 requests: half-way into the (250 ms, 500 ms] bucket that holds the slow one.
        Assert.Equal(375, orders.P95LatencyMs!.Value, 0.001);
        Assert.Equal(3, orders.MessagesConsumedTotal);

        var instruments = await fixture.GetAsync<List<InstrumentView>>("/api/metrics/orders");
        var histogram = Assert.Single(instruments, i => i.Name == "http.server.request.duration");
        Assert.Equal((MetricKind.Histogram, "s", 3, 11.0), (histogram.Kind, histogram.Unit, histogram.Series, histogram.Latest));
        var counter = Assert.Single(instruments, i => i.Name == "messaging.masstransit.consume");
        Assert.Equal((MetricKind.Sum, meter.Name, 3.0), (counter.Kind, counter.Scope, counter.Latest));
    }
}
