using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Haven.Contracts.Cases;
using Haven.Contracts.Reports;

namespace Haven.Platform.IntegrationTests;

/// <summary>The event catalogue is public, lists every event type a subscription can name, and describes the data partners get.</summary>
[Collection(PlatformCollection.Name)]
public sealed class When_a_partner_reads_the_event_catalogue(PlatformFixture platform)
{
    [Fact]
    public async Task Every_delivered_event_matches_the_catalogued_schema_of_its_type()
    {
        using var anonymous = platform.App.CreateHttpClient("gateway");
        var catalogue = JsonNode.Parse(await anonymous.GetStringAsync("/api/notifications/events"))!;
        var schemas = catalogue["events"]!.AsArray().ToDictionary(e => (string)e!["type"]!, e => e!["dataSchema"]!);
        Assert.All(catalogue["events"]!.AsArray(), e => Assert.EndsWith($".v{(int)e!["version"]!}", (string)e["type"]!));

        // Every delivery to this subscription is checked, whichever test caused its event.
        using var admin = platform.App.CreateHttpClient("gateway", "lakeside", "catalogue-admin", "institution-admin");
        var subscribable = await admin.GetFromJsonAsync<List<string>>("/api/notifications/webhooks/event-types");
        Assert.Equal(subscribable!.Order(StringComparer.Ordinal), schemas.Keys.Order(StringComparer.Ordinal));

        await using var partner = new WebhookReceiver(HttpStatusCode.OK);
        using var subscribed = await admin.PostAsJsonAsync("/api/notifications/webhooks", new { url = partner.Url, eventTypes = subscribable });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);

        using var reporter = IntakeClients.Fresh(platform);
        await IntakeReports.Submit(reporter, IntakeReports.Harassment("lakeside", categories: ["ThreatOfViolence"]));
        var caseId = Guid.NewGuid();
        await platform.Broker.PublishAsync(new CaseEscalated(caseId, "lakeside", 2, 1, ["program-director"], DateTimeOffset.UtcNow));
        await platform.Broker.PublishAsync(new CaseOverdue(caseId, "lakeside", "lakeshore-coalition", DateTimeOffset.UtcNow));
        await platform.Broker.PublishAsync(new ReportWithdrawn(Guid.NewGuid(), caseId, "lakeside", DateTimeOffset.UtcNow));

        var received = await Eventually.Returns(() => Task.FromResult(partner.Received),
            r => schemas.Keys.All(type => r.Any(d => JsonNode.Parse(d.Body)!["type"]!.GetValue<string>() == type)),
            "a delivery of every event type", TimeSpan.FromSeconds(60));
        foreach (var (_, body) in received)
        {
            var cloudEvent = JsonNode.Parse(body)!;
            var type = (string)cloudEvent["type"]!;
            var errors = StrictSchemas.Errors(schemas[type], cloudEvent["data"]!.ToJsonString());
            Assert.True(errors.Count == 0, $"{type} does not match the catalogue:\n{string.Join("\n", errors)}\n{body}");
        }
    }
}
