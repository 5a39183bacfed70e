using Haven.Intake.Apis;
using Haven.Contracts.Reports;
using Haven.Intake.Reports;

namespace Haven.Intake.Tests;

public sealed class When_a_report_form_is_validated
{
    private static readonly HashSet<string> Institutions = ["mercy", "lakeside"];
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static SubmitReportRequest Valid() => new(
        Track: "Harassment",
        InstitutionId: "mercy",
        Categories: ["threatOfViolence", "PersonalAttack"],
        Context: new ReportContextRequest("Advocacy", "vaccines"),
        Platform: "X",
        ContentUrls: ["https://X.com/troll/status/1?utm_source=a", "https://x.com/troll/status/1/"],
        Evidence: [new EvidenceRequest("what was said", Now.AddHours(-1), "@troll")],
        Description: "Threats after my vaccine video.",
        Subject: new SubjectRequest("Dr. Jane Doe", "jane@mercy.org", "Pediatrics"),
        Disclosure: "Anonymous",
        Reporter: null,
        TargetConsentsToInstitution: null,
        PeerSupportWanted: true);

    [Fact]
    public void A_valid_form_becomes_a_draft_with_normalized_distinct_urls_and_defaults()
    {
        Assert.True(ReportValidator.TryValidate(Valid(), Institutions, signedIn: false, Now, out var draft, out var errors), string.Join(", ", errors.Keys));

        Assert.Equal(Track.Harassment, draft!.Track);
        Assert.Equal(["https://x.com/troll/status/1"], draft.ContentUrls);
        Assert.Equal([ReportCategory.ThreatOfViolence, ReportCategory.PersonalAttack], draft.Categories);
        Assert.True(draft.TargetConsentsToInstitution);
        Assert.True(draft.PeerSupportWanted);
    }

    [Fact]
    public void Every_bad_field_is_named()
    {
        var request = Valid() with
        {
            Track = "ConcerningConduct",
            InstitutionId = "nowhere",
            Context = new ReportContextRequest("Advocacy", null),
            ContentUrls = ["ftp://x.com/a", "https://u:p@x.com/"],
            Evidence = [new EvidenceRequest("", Now.AddDays(2))],
            Subject = new SubjectRequest("", "not-an-email", null),
            Disclosure = "Loud",
        };

        Assert.False(ReportValidator.TryValidate(request, Institutions, signedIn: false, Now, out var draft, out var errors));

        Assert.Null(draft);
        Assert.Equal(
            ["categories[0]", "categories[1]", "contentUrls[0]", "contentUrls[1]", "context.topic", "disclosure", "evidence[0].seenAt",
             "evidence[0].text", "institutionId", "peerSupportWanted", "subject.email", "subject.name"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Limits_on_counts_and_sizes_hold()
    {
        var request = Valid() with
        {
            ContentUrls = [.. Enumerable.Range(0, ReportLimits.MaxUrls + 1).Select(i => $"https://x.com/{i}")],
            Description = new string('a', ReportLimits.DescriptionLength + 1),
            Evidence = [new EvidenceRequest(new string('a', ReportLimits.EvidenceTextLength + 1), Now)],
        };

        Assert.False(ReportValidator.TryValidate(request, Institutions, signedIn: false, Now, out _, out var errors));

        Assert.Contains("contentUrls", errors.Keys);
        Assert.Contains("description", errors.Keys);
        Assert.Contains("evidence[0].text", errors.Keys);
    }

    [Fact]
    public void A_named_reporter_who_is_not_signed_in_says_who_they_are()
    {
        var request = Valid() with { Disclosure = "Named" };

        Assert.False(ReportValidator.TryValidate(request, Institutions, signedIn: false, Now, out _, out var errors));
        Assert.Contains("reporter.name", errors.Keys);
        Assert.True(ReportValidator.TryValidate(request, Institutions, signedIn: true, Now, out _, out _));
    }

    [Fact]
    public void Numbers_are_not_accepted_for_choices()
    {
        var request = Valid() with { Track = "1", Categories = ["104"] };

        Assert.False(ReportValidator.TryValidate(request, Institutions, signedIn: false, Now, out _, out var errors));
        Assert.Contains("track", errors.Keys);
        Assert.Contains("categories[0]", errors.Keys);
    }
}
