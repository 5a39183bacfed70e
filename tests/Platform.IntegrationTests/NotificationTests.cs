using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Haven.Contracts.Cases;
using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;
using static Haven.Platform.IntegrationTests.NotificationHelpers;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// Notification on the real stack: commands and events arrive over the broker as the case saga sends them, email goes
/// through the AppHost's SMTP server (read back from its Maildir), webhooks to receivers on 127.0.0.1.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class When_people_are_notified_of_a_case(PlatformFixture platform)
{
    [Fact]
    public async Task An_escalation_reaches_the_role_by_email_and_inbox_but_never_the_subject()
    {
        using var admin = platform.App.CreateHttpClient("gateway", "lakeside", "admin-1", "institution-admin");
        var director = await AddPersonAsync(admin, "program-director");
        // The subject holds the very role being escalated to: the conflict of interest the directory must not resolve.
        var subject = await AddPersonAsync(admin, "program-director");
        var caseId = Guid.NewGuid();

        await platform.Broker.PublishAsync(new NotifyRecipients(Guid.NewGuid(), caseId, "lakeside", NotificationKind.Escalation, Severity.High,
            ["program-director"], ToSubject: false, Digest("lakeside", subject.Email), DateTimeOffset.UtcNow));

        var mail = await Eventually.Returns(() => Task.FromResult(MailTo(platform, director.Email)), m => m.Count > 0,
            "the director's email in the SMTP server's Maildir");
        Assert.Contains(caseId.ToString(), mail[0]);
        var inbox = await Eventually.Returns(() => InboxAsync(platform, "lakeside", director), i => i.Any(x => x.CaseId == caseId),
            "the director's inbox entry");
        Assert.EndsWith($"/cases/{caseId}", inbox.Single(i => i.CaseId == caseId).Link);

        var deliveries = await Eventually.Returns(() => DeliveriesAsync(admin, caseId), d => d.Any(x => x.Channel == "Email" && x.State == "Sent"),
            "the email delivery marked sent");
        Assert.All(deliveries, d => Assert.Equal(director.Id, d.PersonId));
        Assert.Contains(deliveries, d => d.Channel == "Inbox" && d.State == "Delivered");
        Assert.Empty(MailTo(platform, subject.Email));
        Assert.DoesNotContain(await InboxAsync(platform, "lakeside", subject), i => i.CaseId == caseId);
    }

    [Fact]
    public async Task The_subject_is_reached_by_digest_alone_and_quiet_hours_hold_all_but_critical()
    {
        using var admin = platform.App.CreateHttpClient("gateway", "lakeside", "admin-1", "institution-admin");
        var always = new { quietHoursStart = "00:00:00", quietHoursEnd = "23:59:59", timeZone = "UTC" };
        var subject = await AddPersonAsync(admin, "resident", preferences: always);
        var noticeCase = Guid.NewGuid();
        var alertCase = Guid.NewGuid();

        await platform.Broker.PublishAsync(new NotifyRecipients(Guid.NewGuid(), noticeCase, "lakeside", NotificationKind.IndividualNotice,
            Severity.Moderate, [], ToSubject: true, Digest("lakeside", subject.Email), DateTimeOffset.UtcNow));
        await platform.Broker.PublishAsync(new NotifyRecipients(Guid.NewGuid(), alertCase, "lakeside", NotificationKind.SafetyAlert,
            Severity.Critical, [], ToSubject: true, Digest("lakeside", subject.Email), DateTimeOffset.UtcNow));

        await Eventually.Returns(() => Task.FromResult(MailTo(platform, subject.Email)), m => m.Any(x => x.Contains(alertCase.ToString())),
            "the critical email, sent despite quiet hours");
        var held = await Eventually.Returns(() => DeliveriesAsync(admin, noticeCase), d => d.Any(x => x.Channel == "Email"), "the held email");
        Assert.Equal("Queued", held.Single(d => d.Channel == "Email").State);
        Assert.NotNull(held.Single(d => d.Channel == "Email").HeldUntil);
        Assert.DoesNotContain(MailTo(platform, subject.Email), m => m.Contains(noticeCase.ToString()));
        Assert.Contains(await InboxAsync(platform, "lakeside", subject), i => i.CaseId == noticeCase);
    }

    [Fact]
    public async Task A_partner_gets_a_signed_cloud_event_and_a_failing_partner_is_retried_then_disabled_and_replayed()
    {
        using var admin = platform.App.CreateHttpClient("gateway", "mercy", "admin-1", "institution-admin");
        await using var partner = new WebhookReceiver(HttpStatusCode.OK);
        await using var broken = new WebhookReceiver(HttpStatusCode.InternalServerError);
        var (good, secret) = await SubscribeAsync(admin, partner.Url);
        var (bad, _) = await SubscribeAsync(admin, broken.Url);
        var escalated = new CaseEscalated(Guid.NewGuid(), "mercy", 2, 1, ["program-director"], DateTimeOffset.UtcNow);

        await platform.Broker.PublishAsync(escalated);

        var (headers, body) = (await Eventually.Returns(() => Task.FromResult(partner.Received), r => r.Count > 0, "the partner's delivery"))[0];
        var timestamp = headers["X-Haven-Timestamp"];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        Assert.Equal(expected, headers["X-Haven-Signature"]);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(timestamp), 0, 300);
        Assert.StartsWith("application/cloudevents+json", headers["Content-Type"]);
        var cloudEvent = JsonDocument.Parse(body).RootElement;
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal("haven.cases.case-escalated.v1", cloudEvent.GetProperty("type").GetString());
        Assert.Equal("/haven/institutions/mercy", cloudEvent.GetProperty("source").GetString());
        Assert.Equal(escalated.CaseId, cloudEvent.GetProperty("data").GetProperty("caseId").GetGuid());

        var disabled = await Eventually.Returns(() => SubscriptionAsync(admin, bad), s => !s.GetProperty("enabled").GetBoolean(),
            "the failing subscription disabled", TimeSpan.FromSeconds(60));
        Assert.Equal(3, broken.Received.Count);
        Assert.Equal(3, disabled.GetProperty("consecutiveFailures").GetInt32());
        var log = (await admin.GetFromJsonAsync<JsonElement>($"/api/notifications/webhooks/{bad}/deliveries"))[0];
        Assert.Equal("Failed", log.GetProperty("state").GetString());
        Assert.Equal(3, log.GetProperty("attemptLog").GetArrayLength());
        Assert.True((await SubscriptionAsync(admin, good)).GetProperty("enabled").GetBoolean());

        // The partner fixes their endpoint; the admin enables the subscription and replays the event, same id and body.
        broken.Status = HttpStatusCode.NoContent;
        (await admin.PostAsync($"/api/notifications/webhooks/{bad}/enable", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/notifications/webhooks/{bad}/deliveries/{log.GetProperty("id").GetGuid()}/replay", null)).EnsureSuccessStatusCode();
        await Eventually.Returns(() => Task.FromResult(broken.Received), r => r.Count == 4, "the replayed delivery");
        Assert.Equal(broken.Received[0].Body, broken.Received[3].Body);
    }

    [Fact]
    public async Task Directory_entries_are_validated_and_other_institutions_entries_are_not_found()
    {
        using var admin = platform.App.CreateHttpClient("gateway", "mercy", "admin-1", "institution-admin");
        using var invalid = await admin.PostAsJsonAsync("/api/notifications/directory", new { userId = "", email = "not-an-email", roles = new[] { "Boss!" } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));

        var person = await AddPersonAsync(admin, "case-manager");
        using var otherAdmin = platform.App.CreateHttpClient("gateway", "northfield", "admin-2", "institution-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/api/notifications/directory/{person.Id}")).StatusCode);
        using var caseManager = platform.App.CreateHttpClient("gateway", "mercy", "cm-1", "case-manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync("/api/notifications/directory")).StatusCode);
    }

    private sealed record DeliveryRow(Guid Id, Guid PersonId, string Channel, string State, DateTimeOffset? HeldUntil);

    private static async Task<List<DeliveryRow>> DeliveriesAsync(HttpClient admin, Guid caseId) =>
        (await admin.GetFromJsonAsync<List<DeliveryRow>>($"/api/notifications/deliveries?caseId={caseId}", NotificationHelpers.Json))!;

    private static async Task<(Guid Id, string Secret)> SubscribeAsync(HttpClient admin, string url)
    {
        using var response = await admin.PostAsJsonAsync("/api/notifications/webhooks",
            new { url, eventTypes = new[] { "haven.cases.case-escalated.v1" } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("subscription").GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    private static async Task<JsonElement> SubscriptionAsync(HttpClient admin, Guid id) =>
        await admin.GetFromJsonAsync<JsonElement>($"/api/notifications/webhooks/{id}");
}
