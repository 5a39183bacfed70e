using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Haven.Hosting.Dashboard.Api;

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
    /// the dashboard holds its spans from <paramref name="services"/>.
    /// </summary>
    public static async Task<TraceDetail> TracedRequestAsync(this HttpClient dashboard, HttpClient gateway, string path, params string[] services)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, path)
        {
            Headers = { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } },
        };
        using var response = await gateway.SendAsync(request);
        response.EnsureSuccessStatusCode();

        return (await Eventually.Returns(() => dashboard.FindTraceAsync(traceId),
            trace => trace is not null && services.All(trace.Services.Contains), $"the trace of {path} with spans from {string.Join(", ", services)}"))!;
    }
}
