using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Haven.Contracts.Notifications;
using Haven.Contracts.PeerSupport;
using static Haven.Platform.IntegrationTests.IntakeReports;

namespace Haven.Platform.IntegrationTests;

/// <summary>From a report submitted through the gateway to the case it becomes, across intake, the broker and escalation.</summary>
[Collection(PlatformCollection.Name)]
public sealed class When_a_report_arrives_through_the_gateway(PlatformFixture platform)
{
    [Fact]
    public async Task A_threat_against_a_clinician_takes_the_safety_path_within_seconds()
    {
        using var reporter = IntakeClients.Fresh(platform);

        var accepted = await Submit(reporter, Harassment(categories: ["ThreatOfViolence"], peerSupportWanted: true));

        var alert = (await platform.Broker.WaitFor<NotifyRecipients>(
            n => n.CaseId == accepted.CaseId && n.Kind == NotificationKind.SafetyAlert, timeout: TimeSpan.FromSeconds(30)))[0];
        Assert.Equal(["security", "leadership"], alert.Roles);
        Assert.True((await platform.Broker.WaitFor<RequestPeerSupport>(r => r.CaseId == accepted.CaseId))[0].Urgent);
    }

    [Fact]
    public async Task A_duplicate_of_the_same_content_joins_the_case()
    {
        using var reporter = IntakeClients.Fresh(platform);
        var url = NewUrl();

        var first = await Submit(reporter, Conduct(url: url));
        var second = await Submit(reporter, Conduct(url: url + "?utm_source=share"));

        Assert.Equal(first.CaseId, second.CaseId);
        using var caseManager = platform.App.CreateHttpClient("gateway", "mercy", "cm-1", "case-manager");
        await Eventually.Returns(async () =>
        {
            using var response = await caseManager.GetAsync($"/api/cases/{first.CaseId}");
            return response.IsSuccessStatusCode
                ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("reportCount").GetInt32()
                : 0;
        }, count => count == 2, "both reports on one case");
    }

    [Fact]
    public async Task The_anonymous_reporter_follows_the_case_status_with_the_case_key()
    {
        using var reporter = IntakeClients.Fresh(platform);
        var accepted = await Submit(reporter, Conduct());
        using var caseManager = platform.App.CreateHttpClient("gateway", "mercy", "cm-2", "case-manager");

        await StatusAsync(accepted, "AwaitingAcknowledgement");
        await Eventually.Returns(async () =>
        {
            using var acknowledge = await caseManager.PostAsync($"/api/cases/{accepted.CaseId}/acknowledge", null);
            return acknowledge.StatusCode;
        }, status => status == HttpStatusCode.Accepted, "the case to accept an acknowledgement");

        await StatusAsync(accepted, "Acknowledged");
    }

    private Task<FollowUp> StatusAsync(Accepted accepted, string expected) =>
        Eventually.Returns(() => FollowUpOf(platform, accepted), f => f.Status == expected, $"the reporter to see {expected}");
}
