using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Haven.Platform.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class When_the_platform_runs(PlatformFixture platform)
{
    private sealed record ServiceInfo(string Service, string InstanceId, string Version);

    [Fact]
    public async Task Every_resource_and_replica_is_running_and_healthy()
    {
        var instances = await platform.App.WaitForEveryResourceHealthyAsync();

        Assert.Superset(new HashSet<string> { "postgres", "intakedb", "messaging", "messaging-epmd", "smtp", "identity", "gateway",
            "intake", "escalation", "notification", "audit", "peersupport" }, instances.Select(i => i.Resource.Name).ToHashSet());
        Assert.Equal(PlatformFixture.IntakeReplicas, instances.Count(i => i.Resource.Name == "intake"));
    }

    [Theory]
    [InlineData("/api/intake/info", "intake")]
    [InlineData("/api/cases/info", "escalation")]
    [InlineData("/api/notifications/info", "notification")]
    [InlineData("/api/audit/info", "audit")]
    [InlineData("/api/peer-support/info", "peersupport")]
    public async Task The_gateway_reaches_each_service(string path, string service)
    {
        var info = await platform.Gateway.GetFromJsonAsync<ServiceInfo>(path);

        Assert.Equal(service, info!.Service);
    }

    [Fact]
    public async Task Requests_through_the_gateway_reach_every_replica()
    {
        // The orchestrator's proxy balances connections, not requests, so the replicas share the gateway's load once it holds
        // several connections at a time: requests side by side, as under real traffic.
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => platform.Gateway.GetFromJsonAsync<ServiceInfo>("/api/intake/info")));

        // A replica's instance id (OpenTelemetry's service.instance.id) is the suffix of its resource name, intake-{suffix}.
        Assert.Equal((await platform.App.InstancesAsync("intake")).Select(name => name["intake-".Length..]),
            answers.Select(a => a!.InstanceId).Distinct().Order());
    }

    [Fact]
    public async Task A_request_joins_the_callers_trace_from_the_gateway_into_the_service_and_says_so()
    {
        // A client that traces sends its traceparent; the service that answers (here with a validation problem) is in that trace.
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var manager = platform.App.CreateHttpClient("gateway", "mercy", "trace-cm", "case-manager");
        using var traced = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{Guid.NewGuid()}/notes")
        {
            Headers = { { "traceparent", $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01" } },
            Content = JsonContent.Create(new { text = "" }),
        };
        using var response = await manager.SendAsync(traced);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(traceId, Assert.Single(response.Headers.GetValues("traceresponse")).Split('-')[1]);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>();
        Assert.Equal(traceId, problem!["traceId"].GetString());

        // A client that does not trace gets the trace its request started.
        using var untraced = await platform.Gateway.GetAsync("/api/intake/info");
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", Assert.Single(untraced.Headers.GetValues("traceresponse")));
        Assert.False(untraced.Headers.Contains("X-Correlation-ID"));
    }

    [Theory]
    [InlineData("/api/intake/health")]
    [InlineData("/api/intake/alive")]
    [InlineData("/api/health")]
    public async Task Service_health_endpoints_are_not_reachable_through_the_gateway(string path)
    {
        using var response = await platform.Gateway.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_stopped_service_gets_a_503_problem_and_is_reached_again_after_restart()
    {
        await platform.App.StopResourceAsync("peersupport");
        try
        {
            // The orchestrator's proxy holds a connection to a stopped service open, so the gateway's health probe is what
            // takes the service out of rotation (within its 5 s interval and 2 s timeout); from then on it answers at once.
            using var quick = platform.App.CreateHttpClient("gateway", "mercy", "ops-1", "operator");
            quick.Timeout = TimeSpan.FromSeconds(5);
            var status = await Eventually.Returns(async () =>
            {
                try
                {
                    using var response = await quick.GetAsync("/api/peer-support/info");
                    return response.StatusCode;
                }
                catch (TaskCanceledException)
                {
                    return HttpStatusCode.RequestTimeout;
                }
            }, status => status == HttpStatusCode.ServiceUnavailable, "the gateway to answer 503 for the stopped service");
            using var down = await quick.GetAsync("/api/peer-support/info");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
            var problem = await down.Content.ReadFromJsonAsync<Dictionary<string, object>>();
            Assert.Equal(503, int.Parse(problem!["status"].ToString()!));
            Assert.Matches("^[0-9a-f]{32}$", problem["traceId"].ToString());
        }
        finally
        {
            await platform.App.StartResourceAsync("peersupport");
        }

        // The gateway's health probes put the replica back in rotation.
        await Eventually.Returns(async () =>
        {
            using var response = await platform.Gateway.GetAsync("/api/peer-support/info");
            return response.StatusCode;
        }, status => status == HttpStatusCode.OK, "peersupport to answer through the gateway again");
    }
}
