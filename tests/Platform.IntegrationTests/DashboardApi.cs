using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Haven.Hosting.Dashboard.Api;
using Haven.Hosting.Dashboard.Telemetry;

namespace Haven.Platform.IntegrationTests;

/// <summary>The dashboard's JSON API as the tests read it, and a request through the gateway whose trace they can find.</summary>
internal static class DashboardApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> GetAsync<T>(this HttpClient dashboard, string path) => (await dashboard.GetFromJsonAsync<T>(path, Json))!;

    public static async Task<TraceDetail?> FindTraceAsync(this HttpClient dashboard, string traceId)
    {
        using var response = await dashboard.GetAsync($"/api/traces/{traceId}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : (await response.Content.ReadFromJsonAsync<TraceDetail>(Json))!;
    }

    /// <summary>
    /// Sends a request through the gateway as part of a trace the test started (a W3C traceparent header), and waits until
    /// the dashboard holds its spans from <paramref name="services"/>. A span is exported when it ends, so a parent
    /// arrives after its children: <paramref name="until"/> says which spans the test needs.
    /// </summary>
    public static async Task<TraceDetail> TracedRequestAsync(this HttpClient dashboard, HttpClient gateway, HttpRequestMessage request,
        string[] services, Func<TraceDetail, bool>? until = null)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await gateway.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

        return (await Eventually.Returns(() => dashboard.FindTraceAsync(traceId),
            trace => trace is not null && services.All(trace.Services.Contains) && (until is null || until(trace)),
            $"the trace of {request.Method} {request.RequestUri} with spans from {string.Join(", ", services)}", TimeSpan.FromSeconds(60)))!;
    }

    public static async Task<TraceDetail> TracedRequestAsync(this HttpClient dashboard, HttpClient gateway, string path, params string[] services)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await dashboard.TracedRequestAsync(gateway, request, services, trace => trace.Spans.Count(s => s.Kind == SpanKind.Server) == services.Length);
    }

    /// <summary>
    /// An anonymous report of harassment, from a client address of its own (the route is rate limited per address), traced
    /// until the case saga in escalation has consumed it.
    /// </summary>
    public static async Task<TraceDetail> TracedReportAsync(this HttpClient dashboard, PlatformFixture platform)
    {
        using var reporter = IntakeClients.Fresh(platform);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/reports") { Content = JsonContent.Create(IntakeReports.Harassment()) };
        return await dashboard.TracedRequestAsync(reporter, request, ["gateway", "intake", "escalation"],
            trace => trace.Spans.Any(s => s is { Service: "escalation", Kind: SpanKind.Consumer }
                && trace.IsUnder(s, ancestor => ancestor is { Service: "intake", Kind: SpanKind.Server })));
    }

    /// <summary>Whether <paramref name="span"/> descends from a span that <paramref name="ancestor"/> picks, through parents that have arrived.</summary>
    public static bool IsUnder(this TraceDetail trace, SpanView span, Func<SpanView, bool> ancestor)
    {
        var byId = trace.Spans.ToDictionary(s => s.SpanId);
        for (var current = span; current.ParentSpanId is { } parentId && byId.TryGetValue(parentId, out var parent); current = parent)
        {
            if (ancestor(parent))
            {
                return true;
            }
        }
        return false;
    }
}
