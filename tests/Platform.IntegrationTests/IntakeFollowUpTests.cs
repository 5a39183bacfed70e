using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Haven.Platform.IntegrationTests.IntakeReports;

namespace Haven.Platform.IntegrationTests.Intake;

/// <summary>Intake keeps what the escalation service says about a case, for the reporter behind the case key.</summary>
[Collection(PlatformCollection.Name)]
public sealed class When_the_case_moves_on(PlatformFixture platform)
{
    [Fact]
    public async Task The_anonymous_reporter_sees_its_status_and_the_case_managers_messages()
    {
        using var client = IntakeClients.Fresh(platform);
        using var manager = platform.App.CreateHttpClient("gateway", "mercy", "cm-1", "case-manager");
        var accepted = await Submit(client, Conduct());

        await Eventually.Returns(() => FollowUpOf(platform, accepted), f => f.Status != "Received", "the case's status from escalation");
        await Eventually.Returns(async () =>
        {
            using var posted = await manager.PostAsJsonAsync($"/api/cases/{accepted.CaseId}/messages",
                new { text = "Thank you, we are looking into it." });
            return posted.StatusCode;
        }, status => status == HttpStatusCode.Accepted, "the case manager's message accepted");
        var followUp = await Eventually.Returns(() => FollowUpOf(platform, accepted), f => f.Messages.GetArrayLength() == 1,
            "the message in the reporter's follow-up");

        Assert.Equal("Thank you, we are looking into it.", followUp.Messages[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_anonymous_reporter_finds_each_status_change_in_the_case_key_inbox_without_any_report_text()
    {
        using var client = IntakeClients.Fresh(platform);
        using var manager = platform.App.CreateHttpClient("gateway", "mercy", "cm-1", "case-manager");
        var accepted = await Submit(client, Conduct());
        await Eventually.Returns(() => FollowUpOf(platform, accepted), f => f.Status == "AwaitingAcknowledgement", "the case awaiting acknowledgement");

        await Eventually.Returns(async () =>
        {
            using var acknowledged = await manager.PostAsync($"/api/cases/{accepted.CaseId}/acknowledge", null);
            return acknowledged.StatusCode;
        }, status => status == HttpStatusCode.Accepted, "the acknowledgement accepted");
        var followUp = await Eventually.Returns(() => FollowUpOf(platform, accepted),
            f => f.Notices.Any(n => n.Body.Contains("acknowledged", StringComparison.Ordinal)), "a notice of the acknowledgement");

        var caseRef = Haven.Contracts.Cases.CaseRef.Of(accepted.CaseId);
        Assert.All(followUp.Notices, notice =>
        {
            Assert.Contains(caseRef, notice.Title, StringComparison.Ordinal);
            foreach (var reportText in new[] { "stop their medication", "John Roe", "Instagram" })
            {
                Assert.DoesNotContain(reportText, notice.Title + notice.Body, StringComparison.Ordinal);
            }
        });
        Assert.Contains(followUp.Notices, n => n.Body.Contains("with the responsible staff", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Once_the_case_is_closed_the_same_content_opens_a_new_case()
    {
        using var client = IntakeClients.Fresh(platform);
        using var manager = platform.App.CreateHttpClient("gateway", "mercy", "cm-1", "case-manager");
        var url = NewUrl();
        var first = await Submit(client, Conduct(url: url));

        await Eventually.Returns(async () =>
        {
            using var dismissed = await manager.PostAsJsonAsync($"/api/cases/{first.CaseId}/dismiss", new { note = "Not a concern." });
            return dismissed.StatusCode;
        }, status => status is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.NoContent, "the case dismissed");
        await Eventually.Returns(() => FollowUpOf(platform, first), f => f.Status == "Dismissed", "the dismissal seen by intake");
        var again = await Submit(client, Conduct(url: url));

        Assert.NotEqual(first.CaseId, again.CaseId);
    }
}
