using System.Net.Http.Json;
using System.Text.Json;

namespace Haven.Platform.IntegrationTests;

/// <summary>Report forms for the intake tests: each about its own subject and its own content, unless a test shares them.</summary>
internal static class IntakeReports
{
    public static string NewSubjectEmail() => $"dr.{Guid.NewGuid():N}@example.org";

    public static string NewUrl() => $"https://x.com/someone/status/{Guid.NewGuid():N}";

    public static Dictionary<string, object?> Harassment(string institution = "mercy", string? url = null, string? subjectEmail = null,
        string disclosure = "Anonymous", string[]? categories = null, bool peerSupportWanted = false) => new()
    {
        ["track"] = "Harassment",
        ["institutionId"] = institution,
        ["categories"] = categories ?? ["PersonalAttack"],
        ["context"] = new { kind = "Advocacy", topic = "vaccines" },
        ["platform"] = "X",
        ["contentUrls"] = new[] { url ?? NewUrl() },
        ["evidence"] = new[] { new { text = "the words as they were seen", handle = "@someone", seenAt = DateTimeOffset.UtcNow.AddHours(-2) } },
        ["description"] = "Replies attacking a colleague after her vaccine video.",
        ["subject"] = new { name = "Dr. Jane Doe", email = subjectEmail ?? NewSubjectEmail(), department = "Pediatrics" },
        ["disclosure"] = disclosure,
        // Off unless a test is about it: every request nobody takes waits in the network and is offered to the next
        // supporter who joins, ahead of the peer-support tests' own requests.
        ["peerSupportWanted"] = peerSupportWanted,
    };

    public static Dictionary<string, object?> Conduct(string institution = "mercy", string? url = null, string? subjectEmail = null,
        string disclosure = "Anonymous") => new()
    {
        ["track"] = "ConcerningConduct",
        ["institutionId"] = institution,
        ["categories"] = new[] { "HealthMisinformation" },
        ["context"] = new { kind = "WorkRelated" },
        ["platform"] = "Instagram",
        ["contentUrls"] = new[] { url ?? NewUrl() },
        ["description"] = "Posts telling patients to stop their medication.",
        ["subject"] = new { name = "Dr. John Roe", email = subjectEmail ?? NewSubjectEmail() },
        ["disclosure"] = disclosure,
    };

    public static async Task<Accepted> Submit(HttpClient client, object report)
    {
        using var response = await client.PostAsJsonAsync("/api/intake/reports", report);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<Accepted>(body, JsonSerializerOptions.Web)!;
    }

    /// <summary>The reporter's follow-up, from a client address of its own (each poll spends the route's budget).</summary>
    public static async Task<FollowUp> FollowUpOf(PlatformFixture platform, Accepted accepted)
    {
        using var client = IntakeClients.Fresh(platform);
        using var response = await client.SendAsync(IntakeClients.FollowUp(accepted.CaseKey!, accepted.CaseSecret!));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<FollowUp>(JsonSerializerOptions.Web))!;
    }

    public sealed record Accepted(Guid ReportId, Guid CaseId, bool HeldUntilCorroborated, string? CaseKey, string? CaseSecret);

    public sealed record FollowUp(Guid ReportId, Guid CaseId, string Status, bool HeldUntilCorroborated, DateTimeOffset? WithdrawnAt,
        JsonElement Messages, IReadOnlyList<Notice> Notices);

    public sealed record Notice(Guid NotificationId, string Title, string Body, DateTimeOffset CreatedAt);
}
