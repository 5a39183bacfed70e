using System.Net.Http.Json;
using System.Text.Json;
using Haven.Contracts.Notifications;
using static Haven.Platform.IntegrationTests.NotificationHelpers;

namespace Haven.Platform.IntegrationTests;

/// <summary>A real report, through intake and the case saga, to the people it notifies: nothing of what was reported reaches them.</summary>
[Collection(PlatformCollection.Name)]
public sealed class When_a_report_is_notified(PlatformFixture platform)
{
    private const string EvidenceText = "EVIDENCE-7f3a the exact abusive words";
    private const string Description = "DESCRIPTION-91c2 posts telling patients to stop their medication";
    private const string SubjectName = "Dr. Quentin Placeholder";

    [Fact]
    public async Task No_channel_ever_carries_report_text_evidence_or_who_the_subject_is()
    {
        using var admin = platform.App.CreateHttpClient("gateway", "lakeside", "admin-1", "institution-admin");
        var caseManager = await AddPersonAsync(admin, "case-manager");
        var subject = await AddPersonAsync(admin, "resident");
        await using var partner = new WebhookReceiver(System.Net.HttpStatusCode.OK);
        using (var subscribed = await admin.PostAsJsonAsync("/api/notifications/webhooks",
                   new { url = partner.Url, eventTypes = new[] { "haven.reports.report-submitted.v1", "haven.cases.case-status-changed.v1" } }))
        {
            subscribed.EnsureSuccessStatusCode();
        }
        var url = $"https://x.com/someone/status/{Guid.NewGuid():N}";

        using var reporter = platform.App.CreateHttpClient("gateway", "lakeside", "reporter-7", "reporter");
        using var submitted = await reporter.PostAsJsonAsync("/api/intake/reports", new Dictionary<string, object?>
        {
            ["track"] = "ConcerningConduct",
            ["institutionId"] = "lakeside",
            ["categories"] = new[] { "HealthMisinformation" },
            ["context"] = new { kind = "WorkRelated" },
            ["platform"] = "Instagram",
            ["contentUrls"] = new[] { url },
            ["evidence"] = new[] { new { text = EvidenceText, handle = "@someone", seenAt = DateTimeOffset.UtcNow.AddHours(-1) } },
            ["description"] = Description,
            ["subject"] = new { name = SubjectName, email = subject.Email },
            ["disclosure"] = "Named",
        });
        var body = await submitted.Content.ReadAsStringAsync();
        Assert.True(submitted.IsSuccessStatusCode, $"{(int)submitted.StatusCode}: {body}");
        var caseId = JsonDocument.Parse(body).RootElement.GetProperty("caseId").GetGuid();

        // The case saga tells the case managers (and, with the individual-notice pathway, the subject by their digest).
        await platform.Broker.WaitFor<NotifyRecipients>(n => n.CaseId == caseId && n.Kind == NotificationKind.CaseAssigned,
            timeout: TimeSpan.FromSeconds(30));
        var toManager = await Eventually.Returns(() => Task.FromResult(MailTo(platform, caseManager.Email)),
            m => m.Any(x => x.Contains(caseId.ToString())), "the case manager's email");
        var toSubject = MailTo(platform, subject.Email);
        var inbox = await Eventually.Returns(() => InboxAsync(platform, "lakeside", caseManager), i => i.Any(x => x.CaseId == caseId),
            "the case manager's inbox entry");
        var hooks = await Eventually.Returns(() => Task.FromResult(partner.Received), r => r.Count > 0, "the partner's events");

        string[] everything = [.. toManager, .. toSubject, .. inbox.Select(i => i.Title + i.Body + i.Link), .. hooks.Select(h => h.Body)];
        foreach (var forbidden in new[] { EvidenceText, Description, SubjectName, url, "@someone" })
        {
            Assert.DoesNotContain(everything, text => text.Contains(forbidden, StringComparison.OrdinalIgnoreCase));
        }
        // The subject's digest is not in partner events either: partners learn that a case exists, not about whom.
        Assert.DoesNotContain(hooks, h => h.Body.Contains(Digest("lakeside", subject.Email)));
        Assert.DoesNotContain(toManager, m => m.Contains(subject.Email, StringComparison.OrdinalIgnoreCase));
    }
}
