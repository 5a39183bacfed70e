using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;
using Haven.Escalation.Policies;
using Haven.Escalation.StateMachines;

namespace Haven.Escalation.Tests;

public sealed class CaseRulesTests
{
    private static readonly DateTime Now = CaseSaga.Start.UtcDateTime;

    [Fact]
    public void A_new_case_follows_its_institutions_ladder_from_the_first_level()
    {
        var policy = DefaultPolicy.For("northfield");

        var c = Open(Reports.TrackB(Severity.High), policy);

        Assert.Equal((1, 1, 1), (c.Level, c.Round, c.ReportCount));
        Assert.Equal(Now + TimeSpan.FromHours(4), c.AcknowledgementDueAt);
        Assert.Equal(["institution", "individual-notice", "content-audit"], c.Steps.Select(s => s.Name));
        Assert.Equal(Now + CaseRules.ContentAuditPeriod, c.Steps.Single(s => s.Name == "content-audit").DueAt);
    }

    [Fact]
    public void The_ladder_climbs_level_by_level_repeats_and_then_ends()
    {
        var c = Open(Reports.TrackB(), DefaultPolicy.For("northfield"));
        var seen = new List<(int, int)>();

        while (CaseRules.NextLevel(c) is var (level, round))
        {
            seen.Add((level, round));
            (c.Level, c.Round) = (level, round);
        }

        Assert.Equal([(2, 1), (3, 1), (1, 2), (2, 2), (3, 2)], seen);
    }

    [Fact]
    public void A_critical_threat_takes_the_safety_path_before_the_private_notice()
    {
        var c = Open(Reports.TrackA(Severity.Critical, [Pathway.Institution, Pathway.LawEnforcement]), DefaultPolicy.For("mercy"));

        var notices = CaseRules.OpeningNotices(c, Now).ToList();

        Assert.True(CaseRules.TakesSafetyPath(c));
        Assert.Equal([NotificationKind.SafetyAlert, NotificationKind.CaseAssigned], notices.Select(n => n.Kind));
        Assert.Equal([DefaultPolicy.Security, DefaultPolicy.Leadership], notices[0].Roles);
        Assert.All(notices, n => Assert.False(n.ToSubject));
    }

    [Theory]
    [InlineData(Severity.High)]
    [InlineData(Severity.Moderate)]
    public void Only_a_critical_harassment_report_takes_the_safety_path(Severity severity)
    {
        var c = Open(Reports.TrackA(severity, [Pathway.Institution]), DefaultPolicy.For("mercy"));

        Assert.False(CaseRules.TakesSafetyPath(c));
        Assert.Equal([NotificationKind.CaseAssigned], CaseRules.OpeningNotices(c, Now).Select(n => n.Kind));
    }

    [Fact]
    public void A_track_B_case_tells_the_individual_privately_and_asks_for_a_content_audit()
    {
        var c = Open(Reports.TrackB(), DefaultPolicy.For("northfield"));

        var notices = CaseRules.OpeningNotices(c, Now).ToList();

        Assert.Equal([NotificationKind.CaseAssigned, NotificationKind.IndividualNotice, NotificationKind.ContentAuditRequest],
            notices.Select(n => n.Kind));
        Assert.Empty(notices.Single(n => n.Kind == NotificationKind.IndividualNotice).Roles);
        Assert.All(notices.Where(n => n.Kind != NotificationKind.CaseAssigned), n => Assert.Equal("ab12", n.SubjectDigest));
    }

    [Fact]
    public void A_possible_retaliation_holds_outside_steps_tells_nobody_outside_and_goes_overdue_to_leadership()
    {
        var c = Open(Reports.TrackB(possibleRetaliation: true, pathways: [Pathway.Institution, Pathway.IndividualNotice, Pathway.Platform]),
            DefaultPolicy.For("northfield"));

        Assert.Equal(["open", "held-for-review", "held-for-review"], c.Steps.Select(s => s.Status));
        Assert.DoesNotContain(c.Steps, s => s.Name == "content-audit");
        Assert.Equal([NotificationKind.CaseAssigned], CaseRules.OpeningNotices(c, Now).Select(n => n.Kind));
        Assert.Equal([DefaultPolicy.Leadership], CaseRules.OverdueRoles(c));
    }

    [Fact]
    public void An_overdue_case_goes_to_the_network_lead_or_without_a_network_to_leadership()
    {
        var inNetwork = Open(Reports.TrackB(), DefaultPolicy.For("northfield"));
        var alone = Open(Reports.TrackB() with { NetworkId = null }, DefaultPolicy.For("northfield"));

        Assert.Equal([DefaultPolicy.NetworkLead], CaseRules.OverdueRoles(inNetwork));
        Assert.Equal([DefaultPolicy.Leadership], CaseRules.OverdueRoles(alone));
    }

    private static CaseState Open(ReportSubmitted report, EscalationPolicy policy)
    {
        var c = new CaseState { CorrelationId = report.CaseId };
        CaseRules.Open(c, report, policy, Now);
        return c;
    }
}
