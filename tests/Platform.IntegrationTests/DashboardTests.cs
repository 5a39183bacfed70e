using System.Net;
using Haven.Hosting.Dashboard;
using Haven.Hosting.Dashboard.Api;
using Haven.Hosting.Dashboard.Telemetry;

namespace Haven.Platform.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class When_an_operator_watches_the_dashboard(PlatformFixture platform) : IAsyncLifetime
{
    private HttpClient _dashboard = null!;

    public async Task InitializeAsync() => _dashboard = await platform.App.CreateDashboardClientAsync();

    public Task DisposeAsync()
    {
        _dashboard.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_resource_is_listed_healthy_with_its_console_output()
    {
        var resources = await _dashboard.GetAsync<List<ResourceView>>("/api/resources");

        var instances = resources.SelectMany(r => r.Instances).ToList();
        Assert.Equal(platform.App.ResourceNotifications.Snapshots.Select(s => s.Instance).Order(), instances.Select(i => i.Name).Order());
        Assert.All(instances, i => Assert.Equal((ResourceState.Healthy, "Healthy"), (i.State, i.Health)));
        Assert.Equal(PlatformFixture.IntakeReplicas, Assert.Single(resources, r => r.Name == "intake").Replicas);
        Assert.Equal(["restart", "stop"], Assert.Single(resources, r => r.Name == "gateway").Instances[0].Actions.Order());
        // Every instance has a console; the services and the servers always write to theirs (a mail catcher or the
        // identity provider inside the AppHost may have nothing to say).
        var talkative = resources.Where(r => r.Type is "Project" or "PostgreSQL" or "RabbitMQ").SelectMany(r => r.Instances).Select(i => i.Name).ToHashSet();
        foreach (var instance in instances)
        {
            var lines = await _dashboard.GetAsync<List<ConsoleLineView>>($"/api/console/{instance.Name}");
            Assert.True(lines.Count > 0 || !talkative.Contains(instance.Name), $"{instance.Name} has no console output");
        }
        Assert.Superset(new HashSet<string> { "postgres", "messaging", "gateway-0", "intake-0", "intake-1", "audit-0" }, talkative);
    }

    [Fact]
    public async Task A_request_through_the_gateway_is_one_trace_across_the_gateway_and_the_service()
    {
        var trace = await _dashboard.TracedRequestAsync(platform.Gateway, "/api/intake/info", "gateway", "intake");

        var gatewayServer = Assert.Single(trace.Spans, s => s.Service == "gateway" && s.Kind == SpanKind.Server);
        var gatewayClient = Assert.Single(trace.Spans, s => s.Service == "gateway" && s.Kind == SpanKind.Client);
        var intake = Assert.Single(trace.Spans, s => s.Service == "intake" && s.Kind == SpanKind.Server);
        Assert.Equal(gatewayServer.SpanId, gatewayClient.ParentSpanId);
        Assert.Equal(gatewayClient.SpanId, intake.ParentSpanId);
        Assert.True(intake.Depth > gatewayServer.Depth);
        Assert.Equal("gateway", trace.Services[0]);
        Assert.StartsWith("intake-", intake.Instance);
    }

    [Fact]
    public async Task A_report_is_one_trace_from_the_gateway_through_intake_and_the_broker_to_escalation()
    {
        var trace = await _dashboard.TracedReportAsync(platform);

        Assert.Equal("gateway", trace.Services[0]);
        var submitted = Assert.Single(trace.Spans, s => s is { Service: "intake", Kind: SpanKind.Server });
        Assert.True(trace.IsUnder(submitted, s => s is { Service: "gateway", Kind: SpanKind.Client }));
        // The case saga consumes what intake published: one trace from the gateway across the broker into escalation.
        var consumed = trace.Spans.First(s => s is { Service: "escalation", Kind: SpanKind.Consumer } && trace.IsUnder(s, a => a == submitted));
        Assert.True(trace.IsUnder(consumed, s => s is { Service: "intake", Kind: SpanKind.Producer }));
        Assert.True(consumed.Depth > submitted.Depth);
    }

    [Fact]
    public async Task A_message_over_the_broker_is_traced_from_its_publisher_to_audit()
    {
        // Every service announces its start to audit over the broker: audit's consumer span is a child of the publisher's.
        static bool PublishedToAudit(TraceDetail trace) => trace.Spans.Any(consumer =>
            consumer is { Service: "audit", Kind: SpanKind.Consumer }
            && trace.Spans.Any(producer => producer.SpanId == consumer.ParentSpanId && producer is { Kind: SpanKind.Producer, Service: not "audit" }));

        var trace = await Eventually.Returns(async () =>
        {
            var summaries = await _dashboard.GetAsync<List<TraceSummary>>("/api/traces?resource=audit&limit=1000");
            foreach (var summary in summaries.Where(t => t.Services.Count > 1))
            {
                if (await _dashboard.FindTraceAsync(summary.TraceId) is { } detail && PublishedToAudit(detail))
                {
                    return detail;
                }
            }
            return null;
        }, found => found is not null, "a trace from another service's publisher to an audit consumer");

        // In the waterfall, the consumer sits right under the publisher.
        var consumer = trace!.Spans.First(c => c is { Service: "audit", Kind: SpanKind.Consumer } && trace.Spans.Any(p => p.SpanId == c.ParentSpanId));
        Assert.Equal(trace.Spans.Single(p => p.SpanId == consumer.ParentSpanId).Depth + 1, consumer.Depth);
    }

    [Fact]
    public async Task Every_service_sends_structured_logs()
    {
        var services = platform.App.Resources.OfType<ProjectResource>().Select(p => p.Name).ToList();

        foreach (var service in services)
        {
            var page = await Eventually.Returns(() => _dashboard.GetAsync<LogPage>($"/api/logs?resource={service}&limit=1"),
                p => p.Matched > 0, $"structured logs from {service}");
            Assert.All(page.Entries, e => Assert.Equal(service, e.Service));
        }
    }

    [Fact]
    public async Task Metrics_count_requests_and_consumed_messages_and_show_the_queues()
    {
        await _dashboard.TracedRequestAsync(platform.Gateway, "/api/audit/info", "gateway", "audit");

        var overview = await Eventually.Returns(() => _dashboard.GetAsync<MetricsOverview>("/api/metrics"),
            o => o.Resources.Any(r => r.Resource == "gateway" && r.RequestsTotal > 0)
                && o.Resources.Any(r => r.Resource == "audit" && r.RequestsTotal > 0 && r.MessagesConsumedTotal > 0),
            "request and consume counts of the gateway and audit", TimeSpan.FromSeconds(45));

        var gateway = Assert.Single(overview.Resources, r => r.Resource == "gateway");
        Assert.NotNull(gateway.MeanLatencyMs);
        Assert.Null(overview.QueuesError);
        Assert.Contains(overview.Queues, q => q.Consumers > 0);
    }

    [Fact]
    public async Task Without_the_browser_token_the_dashboard_answers_401()
    {
        using var anonymous = new HttpClient { BaseAddress = platform.App.Options.Dashboard!.BrowserUrl };

        using var api = await anonymous.GetAsync("/api/resources");
        using var page = await anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
    }

    [Fact]
    public async Task A_replica_restarted_from_the_dashboard_comes_back_healthy_with_a_new_process()
    {
        var before = platform.App.ResourceNotifications.Instances("peersupport").Single();

        using var response = await _dashboard.PostAsync("/api/resources/peersupport-0/restart", null);

        response.EnsureSuccessStatusCode();
        var after = platform.App.ResourceNotifications.Instances("peersupport").Single();
        Assert.Equal(ResourceState.Healthy, after.State);
        Assert.NotEqual(before.ProcessId, after.ProcessId);
        // Back in the gateway's rotation before the next test needs it.
        await Eventually.Returns(async () =>
        {
            using var info = await platform.Gateway.GetAsync("/api/peer-support/info");
            return info.StatusCode;
        }, status => status == HttpStatusCode.OK, "peersupport to answer through the gateway again");
    }
}
