using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Haven.Platform.IntegrationTests.IntakeReports;

namespace Haven.Platform.IntegrationTests.Intake;

/// <summary>An anonymous reporter takes their report back with their case key.</summary>
[Collection(PlatformCollection.Name)]
public sealed class When_a_reporter_withdraws(PlatformFixture platform)
{
    private sealed record Withdrawal(Guid ReportId, Guid CaseId, DateTimeOffset WithdrawnAt);

    [Fact]
    public async Task A_case_with_no_other_report_closes_as_withdrawn_and_a_repeat_changes_nothing()
    {
        using var client = IntakeClients.Fresh(platform);
        var accepted = await Submit(client, Conduct());
        await Eventually.Returns(() => FollowUpOf(platform, accepted), f => f.Status != "Received", "the case opened by escalation");

        var first = await WithdrawAsync(client, accepted);
        var again = await WithdrawAsync(client, accepted);
        var followUp = await Eventually.Returns(() => FollowUpOf(platform, accepted), f => f.Status == "Withdrawn", "the case closed as withdrawn");

        Assert.Equal(accepted.ReportId, first.ReportId);
        Assert.Equal(first.WithdrawnAt, again.WithdrawnAt);
        Assert.Equal(first.WithdrawnAt, followUp.WithdrawnAt);
    }

    [Fact]
    public async Task A_withdrawn_held_report_is_not_released_by_a_second_report_about_the_same_person()
    {
        using var client = IntakeClients.Fresh(platform);
        var subject = NewSubjectEmail();
        var held = await Submit(client, Conduct(subjectEmail: subject, disclosure: "HeldUntilCorroborated"));

        await WithdrawAsync(client, held);
        var second = await Submit(client, Conduct(subjectEmail: subject));
        var heldAfter = await FollowUpOf(platform, held);

        Assert.False(second.HeldUntilCorroborated);
        Assert.True(heldAfter.HeldUntilCorroborated);
        Assert.NotNull(heldAfter.WithdrawnAt);
    }

    [Fact]
    public async Task Without_the_case_secret_nothing_is_withdrawn()
    {
        using var client = IntakeClients.Fresh(platform);
        var accepted = await Submit(client, Conduct());

        using var request = IntakeClients.WithCaseKey(HttpMethod.Post, "/api/intake/follow-up/withdraw", accepted.CaseKey!, "not-the-secret");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null((await FollowUpOf(platform, accepted)).WithdrawnAt);
    }

    private static async Task<Withdrawal> WithdrawAsync(HttpClient client, Accepted accepted)
    {
        using var request = IntakeClients.WithCaseKey(HttpMethod.Post, "/api/intake/follow-up/withdraw", accepted.CaseKey!, accepted.CaseSecret!);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Withdrawal>(JsonSerializerOptions.Web))!;
    }
}
