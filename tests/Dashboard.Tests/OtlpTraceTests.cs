using System.Diagnostics;
using Haven.Hosting.Dashboard.Api;
using Haven.Hosting.Dashboard.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;
using SpanKind = Haven.Hosting.Dashboard.Telemetry.SpanKind;

namespace Haven.Dashboard.Tests;

public sealed class When_a_service_exports_spans(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task The_trace_shows_each_span_under_its_parent_with_kind_times_attributes_events_and_status()
    {
        using var source = new ActivitySource($"Haven.Tests.{Guid.NewGuid():N}");
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(OtlpExport.Resource("billing", "billing-1"))
            .AddSource(source.Name)
            .AddOtlpExporter(OtlpExport.To(fixture.Dashboard, "traces"))
            .Build();

        Activity server, database;
        using (server = source.StartActivity("GET /orders/{id}", ActivityKind.Server)!)
        {
            server.SetTag("http.route", "/orders/{id}");
            server.SetTag("http.response.status_code", 500);
            using (database = source.StartActivity("SELECT orders", ActivityKind.Client)!)
            {
                database.SetTag("db.system", "postgresql");
                await Task.Delay(20);
            }
            server.AddEvent(new ActivityEvent("retrying", tags: new ActivityTagsCollection { ["attempt"] = 2 }));
            server.SetStatus(ActivityStatusCode.Error, "the database timed out");
        }
        Assert.True(tracing.ForceFlush(5_000));

        var trace = await fixture.GetAsync<TraceDetail>($"/api/traces/{server.TraceId.ToHexString()}");

        Assert.Equal("billing: GET /orders/{id}", trace.Name);
        Assert.Equal(["billing"], trace.Services);
        Assert.Collection(trace.Spans,
            root =>
            {
                Assert.Equal((server.SpanId.ToHexString(), 0, SpanKind.Server), (root.SpanId, root.Depth, root.Kind));
                Assert.Null(root.ParentSpanId);
                Assert.Equal(("billing", "billing-1", source.Name), (root.Service, root.Instance, root.Scope));
                Assert.Equal((SpanStatus.Error, "the database timed out"), (root.Status, root.StatusMessage));
                Assert.Equal("/orders/{id}", root.Attributes["http.route"]);
                Assert.Equal("500", root.Attributes["http.response.status_code"]);
                Assert.Equal(server.Duration.TotalMilliseconds, root.DurationMs, 0.01);
                var retry = Assert.Single(root.Events);
                Assert.Equal(("retrying", "2"), (retry.Name, retry.Attributes["attempt"]));
            },
            child =>
            {
                Assert.Equal((database.SpanId.ToHexString(), server.SpanId.ToHexString(), 1), (child.SpanId, child.ParentSpanId, child.Depth));
                Assert.Equal((SpanKind.Client, SpanStatus.Unset), (child.Kind, child.Status));
                Assert.Equal("postgresql", child.Attributes["db.system"]);
                Assert.Equal((database.StartTimeUtc - server.StartTimeUtc).TotalMilliseconds, child.OffsetMs, 0.01);
                Assert.InRange(child.DurationMs, 19, trace.DurationMs);
            });
        Assert.Equal(server.StartTimeUtc, trace.Start.UtcDateTime, TimeSpan.FromTicks(1));

        var listed = await fixture.GetAsync<List<TraceSummary>>("/api/traces?resource=billing-1");
        var summary = Assert.Single(listed, t => t.TraceId == trace.TraceId);
        Assert.Equal((2, true), (summary.SpanCount, summary.HasError));
    }

    [Fact]
    public async Task Probes_and_polls_are_listed_only_when_asked_for_and_client_calls_are_named_after_their_path()
    {
        using var source = new ActivitySource($"Haven.Tests.{Guid.NewGuid():N}");
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(OtlpExport.Resource("proxy", "proxy-0"))
            .AddSource(source.Name)
            .AddOtlpExporter(OtlpExport.To(fixture.Dashboard, "traces"))
            .Build();
        string Call(string name, string attribute, string value)
        {
            using var call = source.StartActivity(name, ActivityKind.Client)!;
            call.SetTag(attribute, value);
            return call.TraceId.ToHexString();
        }
        var probe = Call("GET", "url.full", "http://127.0.0.1:5001/health");
        var poll = Call("postgresql", "db.system", "postgresql");
        var lookup = Call("GET", "url.full", "http://127.0.0.1:5001/api/cases/42");
        Assert.True(tracing.ForceFlush(5_000));

        var listed = await fixture.GetAsync<List<TraceSummary>>("/api/traces?resource=proxy");
        var withBackground = await fixture.GetAsync<List<TraceSummary>>("/api/traces?resource=proxy&background=true");

        Assert.Equal("proxy: GET /api/cases/42", Assert.Single(listed).Name);
        Assert.Equal([probe, poll, lookup], withBackground.OrderBy(t => t.Start).Select(t => t.TraceId));
        Assert.Equal([true, true, false], withBackground.OrderBy(t => t.Start).Select(t => t.IsBackground));
        Assert.Equal("proxy: postgresql", (await fixture.GetAsync<TraceDetail>($"/api/traces/{poll}")).Name);
    }

    [Fact]
    public async Task An_unknown_trace_is_not_found()
    {
        using var response = await fixture.Browser.GetAsync($"/api/traces/{ActivityTraceId.CreateRandom().ToHexString()}");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
