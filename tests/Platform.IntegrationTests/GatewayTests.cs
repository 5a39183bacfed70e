using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Haven.Platform.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class When_the_platform_runs(PlatformFixture platform)
{
    private sealed record ServiceInfo(string Service, string InstanceId, string Version);

    [Fact]
    public async Task Every_resource_and_replica_is_running_and_healthy()
    {
        var model = platform.App.Services.GetRequiredService<DistributedApplicationModel>();
        var expected = model.Resources.Where(r => r is not ParameterResource && r.Name != "aspire-dashboard").ToList();
        var seen = new Dictionary<string, ResourceEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await foreach (var e in platform.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            seen[e.ResourceId] = e;
            if (expected.All(r => seen.Values.Count(s => s.Resource == r && Healthy(s)) == r.GetReplicaCount()))
            {
                break;
            }
        }

        Assert.All(expected, r => Assert.Equal(r.GetReplicaCount(), seen.Values.Count(s => s.Resource == r && Healthy(s))));
        Assert.Superset(new HashSet<string> { "postgres", "intakedb", "messaging", "messaging-epmd", "smtp", "identity", "gateway", "intake", "escalation",
            "notification", "audit", "peersupport" }, expected.Select(r => r.Name).ToHashSet());
        Assert.Equal(PlatformFixture.IntakeReplicas, (await platform.App.InstancesAsync("intake")).Count);

        static bool Healthy(ResourceEvent e) =>
            e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy;
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
        var instances = new HashSet<string>();
        for (var i = 0; i < 20 && instances.Count < PlatformFixture.IntakeReplicas; i++)
        {
            var info = await platform.Gateway.GetFromJsonAsync<ServiceInfo>("/api/intake/info");
            instances.Add(info!.InstanceId);
        }

        // A replica's instance id (OpenTelemetry's service.instance.id) is the suffix of its resource name, intake-{suffix}.
        Assert.Equal((await platform.App.InstancesAsync("intake")).Select(name => name["intake-".Length..]), instances.Order());
    }

    [Fact]
    public async Task The_gateway_keeps_a_well_formed_correlation_id_and_replaces_a_bad_one()
    {
        using var kept = new HttpRequestMessage(HttpMethod.Get, "/api/intake/info") { Headers = { { "X-Correlation-ID", "report-42" } } };
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/api/intake/info") { Headers = { { "X-Correlation-ID", "<script>" } } };

        using var keptResponse = await platform.Gateway.SendAsync(kept);
        using var badResponse = await platform.Gateway.SendAsync(bad);

        Assert.Equal("report-42", Assert.Single(keptResponse.Headers.GetValues("X-Correlation-ID")));
        var replaced = Assert.Single(badResponse.Headers.GetValues("X-Correlation-ID"));
        Assert.NotEqual("<script>", replaced);
        Assert.False(string.IsNullOrWhiteSpace(replaced));
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
            using var down = await platform.Gateway.GetAsync("/api/peer-support/info");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
            var problem = await down.Content.ReadFromJsonAsync<Dictionary<string, object>>();
            Assert.Equal(503, int.Parse(problem!["status"].ToString()!));
            Assert.True(problem.ContainsKey("correlationId"));
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
