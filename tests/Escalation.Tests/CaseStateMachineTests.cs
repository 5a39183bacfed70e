using Haven.Contracts.Cases;
using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;
using Haven.Escalation.Commands;
using MassTransit.Scheduling;

namespace Haven.Escalation.Tests;

/// <summary>The case saga's ladder: deadlines taken from the injected clock, and what it does with messages it does not expect.</summary>
public sealed class When_nobody_acknowledges_a_case
{
    private static readonly TimeSpan Delay = TimeSpan.FromHours(2);

    [Fact]
    public async Task It_awaits_acknowledgement_until_a_deadline_taken_from_the_injected_clock()
    {
        await using var saga = await CaseSaga.StartAsync([["case-manager"], ["program-director"]], repeats: 0, Delay);
        var report = Reports.TrackB();

        Assert.True(await saga.DeliverAsync(report));

        var opened = saga.In(report.CaseId, m => m.AwaitingAcknowledgement);
        Assert.Equal(CaseSaga.Start.UtcDateTime, opened.OpenedAt);
        Assert.Equal(CaseSaga.Start.UtcDateTime + Delay, opened.AcknowledgementDueAt);
        Assert.Single(saga.Harness.Sent.Select<ScheduleMessage>(s => s.Context.Message.ScheduledTime == CaseSaga.Start.UtcDateTime + Delay));
        Assert.Single(saga.Published<NotifyRecipients>(n => n.CaseId == report.CaseId && n.Kind == NotificationKind.CaseAssigned));
    }

    [Fact]
    public async Task Its_deadline_climbs_to_the_next_level_and_after_the_last_level_the_case_is_overdue()
    {
        await using var saga = await CaseSaga.StartAsync([["case-manager"], ["program-director"]], repeats: 0, Delay);
        var report = Reports.TrackB();
        Assert.True(await saga.DeliverAsync(report));
        saga.In(report.CaseId, m => m.AwaitingAcknowledgement);

        saga.Clock.Advance(Delay);
        Assert.True(await saga.DeliverAsync(new AcknowledgementDue(report.CaseId)));

        var escalated = Assert.Single(saga.Published<CaseEscalated>(e => e.CaseId == report.CaseId));
        Assert.Equal((2, 1), (escalated.Level, escalated.Round));
        Assert.Equal(["program-director"], escalated.Roles);
        Assert.Equal(CaseSaga.Start + Delay, escalated.EscalatedAt);
        var climbed = saga.In(report.CaseId, m => m.AwaitingAcknowledgement);
        Assert.Equal(CaseSaga.Start.UtcDateTime + 2 * Delay, climbed.AcknowledgementDueAt);

        saga.Clock.Advance(Delay);
        Assert.True(await saga.DeliverAsync(new AcknowledgementDue(report.CaseId)));

        var overdue = saga.In(report.CaseId, m => m.AwaitingAcknowledgement);
        Assert.True(overdue.Overdue);
        Assert.Null(overdue.AcknowledgementDueAt);
        Assert.Equal(CaseSaga.Start + 2 * Delay, Assert.Single(saga.Published<CaseOverdue>(o => o.CaseId == report.CaseId)).OverdueAt);
    }
}

/// <summary>
/// Messages an open case does not expect: they lost a race the case has settled. Each is consumed without a fault (a fault
/// would put it in the error queue) and changes nothing.
/// </summary>
public sealed class When_a_case_gets_a_message_it_does_not_expect
{
    private static readonly TimeSpan Delay = TimeSpan.FromHours(2);

    [Fact]
    public async Task A_deadline_that_fires_after_acknowledgement_changes_nothing()
    {
        await using var saga = await CaseSaga.StartAsync([["case-manager"], ["program-director"], ["leadership"]], repeats: 1, Delay);
        var report = Reports.TrackB();
        Assert.True(await saga.DeliverAsync(report));
        saga.In(report.CaseId, m => m.AwaitingAcknowledgement);
        Assert.True(await saga.DeliverAsync(new AcknowledgeCase(report.CaseId, "cm-1")));
        var acknowledged = saga.In(report.CaseId, m => m.Acknowledged);
        Assert.Null(acknowledged.AcknowledgementDeadlineTokenId);
        Assert.Single(saga.Harness.Sent.Select<CancelScheduledMessage>());

        // The deadline was already on its way when it was unscheduled, and then the whole ladder's time goes by.
        saga.Clock.Advance(10 * Delay);
        Assert.True(await saga.DeliverAsync(new AcknowledgementDue(report.CaseId)));

        Assert.Empty(saga.Published<CaseEscalated>(e => e.CaseId == report.CaseId));
        Assert.Empty(saga.Published<CaseOverdue>(o => o.CaseId == report.CaseId));
        var after = saga.In(report.CaseId, m => m.Acknowledged);
        Assert.Equal((1, 1, "cm-1"), (after.Level, after.Round, after.AcknowledgedBy));
    }

    [Fact]
    public async Task A_second_acknowledgement_keeps_the_first()
    {
        await using var saga = await CaseSaga.StartAsync([["case-manager"]], repeats: 0, Delay);
        var report = Reports.TrackB();
        Assert.True(await saga.DeliverAsync(report));
        saga.In(report.CaseId, m => m.AwaitingAcknowledgement);
        Assert.True(await saga.DeliverAsync(new AcknowledgeCase(report.CaseId, "cm-1")));
        saga.In(report.CaseId, m => m.Acknowledged);

        saga.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await saga.DeliverAsync(new AcknowledgeCase(report.CaseId, "cm-2")));

        var after = saga.In(report.CaseId, m => m.Acknowledged);
        Assert.Equal(("cm-1", CaseSaga.Start.UtcDateTime), (after.AcknowledgedBy, after.AcknowledgedAt));
        Assert.Single(saga.Published<CaseStatusChanged>(s => s.CaseId == report.CaseId && s.Status == CaseStatus.Acknowledged));
        Assert.Single(after.Timeline, t => t.Kind == "acknowledged");
    }

    [Fact]
    public async Task A_review_started_twice_an_early_review_and_an_early_reminder_change_nothing()
    {
        await using var saga = await CaseSaga.StartAsync([["case-manager"]], repeats: 0, Delay);
        var report = Reports.TrackB();
        Assert.True(await saga.DeliverAsync(report));
        saga.In(report.CaseId, m => m.AwaitingAcknowledgement);

        Assert.True(await saga.DeliverAsync(new StartCaseReview(report.CaseId, "cm-1")));
        Assert.True(await saga.DeliverAsync(new ResolutionDue(report.CaseId)));
        saga.In(report.CaseId, m => m.AwaitingAcknowledgement);

        Assert.True(await saga.DeliverAsync(new AcknowledgeCase(report.CaseId, "cm-1")));
        saga.In(report.CaseId, m => m.Acknowledged);
        Assert.True(await saga.DeliverAsync(new StartCaseReview(report.CaseId, "cm-1")));
        saga.In(report.CaseId, m => m.InReview);
        Assert.True(await saga.DeliverAsync(new StartCaseReview(report.CaseId, "cm-2")));
        Assert.True(await saga.DeliverAsync(new AcknowledgeCase(report.CaseId, "cm-2")));

        var after = saga.In(report.CaseId, m => m.InReview);
        Assert.Single(after.Timeline, t => t.Kind == "review-started");
        Assert.Equal("cm-1", after.AcknowledgedBy);
    }

    [Fact]
    public async Task A_closed_case_ignores_late_actions_and_deadlines()
    {
        await using var saga = await CaseSaga.StartAsync([["case-manager"]], repeats: 0, Delay);
        var report = Reports.TrackB();
        Assert.True(await saga.DeliverAsync(report));
        saga.In(report.CaseId, m => m.AwaitingAcknowledgement);
        Assert.True(await saga.DeliverAsync(new CloseCase(report.CaseId, "cm-1", CaseOutcome.Dismissed, null)));
        saga.In(report.CaseId, m => m.Dismissed);

        Assert.True(await saga.DeliverAsync(new AcknowledgeCase(report.CaseId, "cm-2")));
        Assert.True(await saga.DeliverAsync(new AcknowledgementDue(report.CaseId)));
        Assert.True(await saga.DeliverAsync(new AddCaseNote(report.CaseId, "cm-2", "late")));

        var after = saga.In(report.CaseId, m => m.Dismissed);
        Assert.Null(after.AcknowledgedBy);
        Assert.DoesNotContain(after.Timeline, t => t.Kind == "note");
        Assert.Empty(saga.Published<CaseEscalated>(e => e.CaseId == report.CaseId));
    }
}

internal static class Reports
{
    public static ReportSubmitted TrackB(Severity severity = Severity.Moderate, bool possibleRetaliation = false,
        Pathway[]? pathways = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), OpensCase: true, "northfield", "prairie-network", Track.ConcerningConduct,
            [ReportCategory.HealthMisinformation], severity, pathways ?? [Pathway.Institution, Pathway.IndividualNotice],
            SubjectDigest: "ab12", possibleRetaliation, possibleRetaliation ? "pile-on" : null,
            TargetConsentsToInstitution: true, PeerSupportWanted: false, CaseSaga.Start);

    public static ReportSubmitted TrackA(Severity severity, Pathway[] pathways, bool peerSupport = false) =>
        new(Guid.NewGuid(), Guid.NewGuid(), OpensCase: true, "mercy", "lakeshore-coalition", Track.Harassment,
            [ReportCategory.ThreatOfViolence], severity, pathways, SubjectDigest: "cd34", PossibleRetaliation: false, null,
            TargetConsentsToInstitution: true, peerSupport, CaseSaga.Start);
}

/// <summary>A burst about the subject recognised after the case opened (issue 15: the reports before it were never flagged).</summary>
public sealed class When_a_case_is_flagged_after_it_opened
{
    [Fact]
    public async Task Its_outside_steps_wait_for_review_and_its_overdue_notice_stays_in_the_institution()
    {
        await using var saga = await CaseSaga.StartAsync([["case-manager"]], repeats: 0, TimeSpan.FromHours(2));
        var report = Reports.TrackB(pathways: [Pathway.Institution, Pathway.IndividualNotice, Pathway.Platform]);
        Assert.True(await saga.DeliverAsync(report));

        Assert.True(await saga.DeliverAsync(new CaseFlagged(report.CaseId, report.InstitutionId, "A burst of reports about the subject.",
            CaseSaga.Start)));
        saga.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await saga.DeliverAsync(new AcknowledgementDue(report.CaseId)));

        var flagged = saga.In(report.CaseId, m => m.AwaitingAcknowledgement);
        Assert.True(flagged.PossibleRetaliation);
        Assert.Equal("held-for-review", flagged.Steps.Single(s => s.Name == "platform").Status);
        Assert.Equal("open", flagged.Steps.Single(s => s.Name == "institution").Status);
        Assert.Single(flagged.Timeline, t => t.Kind == "flagged");
        var overdue = Assert.Single(saga.Published<CaseOverdue>(o => o.CaseId == report.CaseId));
        Assert.Null(overdue.NetworkId);
    }

    [Fact]
    public async Task A_second_flag_changes_nothing_and_a_campaign_counts_its_reports_without_a_timeline_entry_each()
    {
        await using var saga = await CaseSaga.StartAsync([["case-manager"]], repeats: 0, TimeSpan.FromHours(2));
        var report = Reports.TrackB(possibleRetaliation: true);
        Assert.True(await saga.DeliverAsync(report));

        Assert.True(await saga.DeliverAsync(new CaseFlagged(report.CaseId, report.InstitutionId, "again", CaseSaga.Start)));
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await saga.DeliverAsync(report with { ReportId = Guid.NewGuid(), OpensCase = false }));
        }

        var campaign = saga.In(report.CaseId, m => m.AwaitingAcknowledgement);
        Assert.Equal("pile-on", campaign.RetaliationReason);
        Assert.Equal(4, campaign.ReportCount);
        Assert.DoesNotContain(campaign.Timeline, t => t.Kind is "flagged" or "report-joined");
        Assert.Empty(saga.Published<NotifyRecipients>(n => n.CaseId == report.CaseId && n.ToSubject));
    }
}
