using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Haven.Platform.IntegrationTests.IntakeReports;

namespace Haven.Platform.IntegrationTests.Intake;

/// <summary>
/// An anonymous reporter answers the case managers through their case key: the reply reaches the case's timeline, the
/// case managers are told without its words, the audit log keeps its digest, and nobody else holding a key reads it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class When_the_reporter_replies(PlatformFixture platform)
{
    [Fact]
    public async Task The_case_managers_read_it_in_the_timeline_are_told_without_its_words_and_another_reporter_of_the_case_does_not_see_it()
    {
        using var admin = platform.App.CreateHttpClient("gateway", "mercy", "reply-admin", "institution-admin");
        var watcher = await NotificationHelpers.AddPersonAsync(admin, "case-manager");
        using var manager = platform.App.CreateHttpClient("gateway", "mercy", "cm-reply", "case-manager");
        using var client = IntakeClients.Fresh(platform);
        var url = NewUrl();
        var accepted = await Submit(client, Conduct(url: url));
        var other = await Submit(client, Conduct(url: url));
        Assert.Equal(accepted.CaseId, other.CaseId);
        await Eventually.Returns(() => FollowUpOf(platform, accepted), f => f.Status == "AwaitingAcknowledgement", "the case open");

        // Bad input, or a key with the wrong secret: refused, and nothing kept.
        Assert.Equal(HttpStatusCode.BadRequest, (await ReplyAsync(accepted, "  ")).Status);
        var tooLong = await ReplyAsync(accepted, new string('x', 4001));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.True(tooLong.Body.GetProperty("errors").TryGetProperty("text", out _), tooLong.Body.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplyAsync(accepted with { CaseSecret = "not-the-secret" }, "Hello")).Status);
        Assert.Equal(0, (await FollowUpOf(platform, accepted)).Messages.GetArrayLength());

        var words = $"He posted again last night ({Guid.NewGuid():N}).";
        var replied = await ReplyAsync(accepted, $"  {words} ");
        Assert.Equal(HttpStatusCode.Accepted, replied.Status);
        Assert.True(replied.Body.GetProperty("fromReporter").GetBoolean());

        var mine = (await FollowUpOf(platform, accepted)).Messages;
        Assert.Equal(words, Assert.Single(mine.EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(0, (await FollowUpOf(platform, other)).Messages.GetArrayLength());

        var timeline = await Eventually.Returns(async () =>
                (await manager.GetFromJsonAsync<JsonElement>($"/api/cases/{accepted.CaseId}")).GetProperty("timeline").EnumerateArray().ToList(),
            t => t.Any(e => e.GetProperty("kind").GetString() == "reporter-replied"), "the reply in the case's timeline");
        Assert.Equal(words, timeline.Single(e => e.GetProperty("kind").GetString() == "reporter-replied").GetProperty("detail").GetString());

        var told = await Eventually.Returns(() => NotificationHelpers.InboxAsync(platform, "mercy", watcher),
            inbox => inbox.Any(i => i.CaseId == accepted.CaseId && i.Kind == "ReporterReplied"), "the case manager told of the reply");
        Assert.All(told.Where(i => i.CaseId == accepted.CaseId), i => Assert.DoesNotContain("posted again", i.Title + i.Body + i.Link));

        using var auditor = platform.App.CreateHttpClient("gateway", "mercy", "auditor-reply", "auditor");
        var entries = await Eventually.Returns(() => auditor.GetFromJsonAsync<List<JsonElement>>($"/api/audit/entries?caseId={accepted.CaseId}"),
            e => e!.Any(x => x.GetProperty("type").GetString()!.Contains("reporter-replied")), "the reply in the audit log");
        var audited = entries!.Single(x => x.GetProperty("type").GetString()!.Contains("reporter-replied"));
        Assert.Equal("case-key", audited.GetProperty("actor").GetString());
        Assert.DoesNotContain("posted again", audited.GetProperty("payload").GetString());
        Assert.Contains("sha256:", audited.GetProperty("payload").GetString());
    }

    [Fact]
    public async Task A_held_or_withdrawn_report_takes_no_reply_since_nobody_would_read_it()
    {
        using var client = IntakeClients.Fresh(platform);
        var held = await Submit(client, Conduct(disclosure: "HeldUntilCorroborated"));
        Assert.Equal(HttpStatusCode.Conflict, (await ReplyAsync(held, "Is anyone there?")).Status);

        var withdrawn = await Submit(client, Conduct());
        using var withdraw = IntakeClients.WithCaseKey(HttpMethod.Post, "/api/intake/follow-up/withdraw", withdrawn.CaseKey!, withdrawn.CaseSecret!);
        using var fresh = IntakeClients.Fresh(platform);
        Assert.Equal(HttpStatusCode.OK, (await fresh.SendAsync(withdraw)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ReplyAsync(withdrawn, "Never mind.")).Status);

        Assert.Equal(0, (await FollowUpOf(platform, held)).Messages.GetArrayLength());
        Assert.Equal(0, (await FollowUpOf(platform, withdrawn)).Messages.GetArrayLength());
    }

    /// <summary>From a client address of its own, as <see cref="FollowUpOf"/>: each call spends the route's budget.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> ReplyAsync(Accepted accepted, string text)
    {
        using var client = IntakeClients.Fresh(platform);
        using var request = IntakeClients.WithCaseKey(HttpMethod.Post, "/api/intake/follow-up/messages", accepted.CaseKey!, accepted.CaseSecret!);
        request.Content = JsonContent.Create(new { text });
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }
}
