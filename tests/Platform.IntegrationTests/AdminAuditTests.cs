using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// An institution admin's changes on the real stack: each one that commits is in the institution's audit chain, by the
/// admin, naming what changed and nothing secret; a refused one is not; another institution's auditors see none of it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class When_an_institution_admin_changes_settings(PlatformFixture platform)
{
    private const string Changed = "haven:audit:institution-setting-changed:v1";

    [Fact]
    public async Task Each_change_is_in_the_audit_log_by_its_admin_and_a_refused_one_is_not()
    {
        // An admin of their own, so that the log's entries by this actor are this test's alone.
        var actor = $"admin-audit-{Guid.NewGuid():N}";
        using var admin = platform.App.CreateHttpClient("gateway", "lakeside", actor, "institution-admin");
        using var auditor = platform.App.CreateHttpClient("gateway", "lakeside", "auditor-1", "auditor");
        using var otherAuditor = platform.App.CreateHttpClient("gateway", "mercy", "auditor-2", "auditor");

        // Refused: nothing changes, so nothing is logged.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/cases/policy", new { levels = Array.Empty<object>(), repeats = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PostAsJsonAsync("/api/notifications/amqp-subscriptions", new { eventTypes = new[] { "haven.cases.everything" } })).StatusCode);

        using var created = await admin.PostAsJsonAsync("/api/notifications/amqp-subscriptions", new { eventTypes = new[] { "haven.cases.case-escalated.v1" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var credentials = await created.Content.ReadFromJsonAsync<JsonElement>();
        var subscriptionId = credentials.GetProperty("subscription").GetProperty("id").GetGuid();
        var password = credentials.GetProperty("password").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/notifications/amqp-subscriptions/{subscriptionId}")).StatusCode);
        // Revoking again changes nothing, and logs nothing.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/notifications/amqp-subscriptions/{subscriptionId}")).StatusCode);

        // A webhook to nowhere, for an event type seldom seen, stopped at once: its signing secret must not reach the log.
        using var subscribed = await admin.PostAsJsonAsync("/api/notifications/webhooks",
            new { url = "https://partner.invalid/hooks", eventTypes = new[] { "haven.reports.report-withdrawn.v1" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var webhook = await subscribed.Content.ReadFromJsonAsync<JsonElement>();
        var webhookId = webhook.GetProperty("subscription").GetProperty("id").GetGuid();
        var secret = webhook.GetProperty("secret").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/notifications/webhooks/{webhookId}")).StatusCode);

        // The same ladder again: an update all the same, and other tests' cases keep the ladder they expect.
        var ladder = await admin.GetFromJsonAsync<JsonElement>("/api/cases/policy");
        (await admin.PutAsJsonAsync("/api/cases/policy", ladder)).EnsureSuccessStatusCode();

        var email = $"audited.{Guid.NewGuid():N}@example.org";
        using var added = await admin.PostAsJsonAsync("/api/notifications/directory",
            new { userId = $"user-{Guid.NewGuid():N}", displayName = "Audited Person", email, roles = new[] { "case-manager" } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var personId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/notifications/directory/{personId}")).StatusCode);

        string[] expected =
        [
            $"amqp-subscription amqp-subscription:{subscriptionId} created",
            $"amqp-subscription amqp-subscription:{subscriptionId} revoked",
            "escalation-policy escalation-policy:lakeside updated",
            $"webhook-subscription webhook-subscription:{webhookId} created",
            $"webhook-subscription webhook-subscription:{webhookId} stopped",
            $"directory person:{personId} created",
            $"directory person:{personId} removed",
        ];
        await Eventually.Returns(() => EntriesAsync(auditor, actor), e => e.Count >= expected.Length, "the admin's changes in lakeside's chain");
        // Anything logged for the refused requests or the repeated revocation would arrive with the rest; give it time.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var entries = await EntriesAsync(auditor, actor);
        Assert.Equal(expected.Order(), entries.Select(Describe).Order());
        Assert.All(entries, e =>
        {
            Assert.Equal(Changed, e.Type);
            Assert.Equal(actor, e.Actor);
            Assert.DoesNotContain(password, e.Payload);
            Assert.DoesNotContain(secret, e.Payload);
            Assert.DoesNotContain(email, e.Payload);
        });

        // Entries about no case leave the chain verifiable.
        Assert.True((await auditor.GetFromJsonAsync<JsonElement>("/api/audit/verify")).GetProperty("valid").GetBoolean());
        Assert.Empty(await EntriesAsync(otherAuditor, actor));
    }

    private sealed record Entry(string Type, string? Actor, string? SubjectRef, string Payload);

    private static string Describe(Entry entry)
    {
        var payload = JsonDocument.Parse(entry.Payload).RootElement;
        Assert.Equal(entry.SubjectRef, payload.GetProperty("subjectRef").GetString());
        return $"{payload.GetProperty("setting").GetString()} {entry.SubjectRef} {payload.GetProperty("change").GetString()}";
    }

    private static async Task<List<Entry>> EntriesAsync(HttpClient auditor, string actor) =>
        (await auditor.GetFromJsonAsync<List<Entry>>($"/api/audit/entries?type={Uri.EscapeDataString(Changed)}&actor={actor}"))!;
}
