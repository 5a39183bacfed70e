using Haven.Contracts.Reports;
using Haven.Intake.Triage;

namespace Haven.Intake.Tests;

public sealed class When_a_report_is_triaged
{
    [Theory]
    [InlineData(new[] { ReportCategory.PersonalAttack, ReportCategory.ThreatOfViolence }, Severity.Critical)]
    [InlineData(new[] { ReportCategory.Doxxing }, Severity.Critical)]
    [InlineData(new[] { ReportCategory.SexualHarassment, ReportCategory.PersonalAttack }, Severity.High)]
    [InlineData(new[] { ReportCategory.CoordinatedCampaign }, Severity.High)]
    [InlineData(new[] { ReportCategory.PatientPrivacyBreach }, Severity.High)]
    [InlineData(new[] { ReportCategory.IllegalActivity, ReportCategory.ConductOther }, Severity.High)]
    [InlineData(new[] { ReportCategory.Impersonation }, Severity.Moderate)]
    [InlineData(new[] { ReportCategory.HealthMisinformation, ReportCategory.SexuallyExplicitContent }, Severity.Moderate)]
    [InlineData(new[] { ReportCategory.DiscriminatoryContent }, Severity.Moderate)]
    [InlineData(new[] { ReportCategory.ComplaintAsHarassment }, Severity.Low)]
    [InlineData(new[] { ReportCategory.HarassmentOfOthers, ReportCategory.ConductOther }, Severity.Low)]
    public void Severity_is_that_of_the_most_severe_category(ReportCategory[] categories, Severity expected) =>
        Assert.Equal(expected, TriageRules.SeverityOf(categories));

    [Fact]
    public void Categories_1xx_are_track_A_and_2xx_track_B()
    {
        Assert.All(Enum.GetValues<ReportCategory>(), category =>
            Assert.Equal((int)category < 200 ? Track.Harassment : Track.ConcerningConduct, TriageRules.TrackOf(category)));
    }

    [Fact]
    public void A_threat_against_a_clinician_goes_to_law_enforcement_and_peer_support_when_wanted()
    {
        var pathways = TriageRules.PathwaysOf(Track.Harassment, [ReportCategory.ThreatOfViolence], true, true);

        Assert.Equal([Pathway.Institution, Pathway.Platform, Pathway.LawEnforcement, Pathway.PeerSupport], pathways);
    }

    [Fact]
    public void Without_the_targets_consent_the_institution_is_not_a_pathway()
    {
        var pathways = TriageRules.PathwaysOf(Track.Harassment, [ReportCategory.PersonalAttack], false, false);

        Assert.Equal([Pathway.Platform], pathways);
    }

    [Fact]
    public void A_privacy_breach_by_a_clinician_gets_a_private_notice_first_and_goes_to_federal_authorities()
    {
        var pathways = TriageRules.PathwaysOf(Track.ConcerningConduct, [ReportCategory.PatientPrivacyBreach], false, false);

        Assert.Equal([Pathway.Institution, Pathway.IndividualNotice, Pathway.Platform, Pathway.FederalAuthorities], pathways);
    }

    [Fact]
    public void Conduct_breaking_no_platform_policy_stays_with_the_institution_and_the_individual()
    {
        var pathways = TriageRules.PathwaysOf(Track.ConcerningConduct, [ReportCategory.ConductOther], false, false);

        Assert.Equal([Pathway.Institution, Pathway.IndividualNotice], pathways);
    }

    [Fact]
    public void The_subject_digest_is_the_sha256_of_institution_and_lower_case_email()
    {
        Assert.Equal(Digests.Sha256("mercy:dr.jane@mercy.org"), Digests.Subject("mercy", "Dr.Jane@Mercy.org"));
        Assert.Equal(64, Digests.Subject("mercy", "a@b.c").Length);
    }
}
