using Haven.Contracts.Cases;
using Haven.Contracts.Notifications;
using Haven.Contracts.PeerSupport;
using Haven.Contracts.Reports;
using Haven.Escalation.Commands;
using Haven.Escalation.Policies;
using MassTransit;

namespace Haven.Escalation.StateMachines;

/// <summary>
/// A case from its first report to its closing: the private notice (or the safety path) at once, then a
/// climb through the institution's ladder for as long as nobody acknowledges, then review and closing.
/// Closed cases stay (they are the institution's record), so the machine never finalizes.
/// </summary>
public sealed class CaseStateMachine : MassTransitStateMachine<CaseState>
{
    public CaseStateMachine()
    {
        InstanceState(x => x.CurrentState);
        // What an open case does not expect is a race it has already settled: a second acknowledgement (two case
        // managers, a double click), a deadline or reminder that fired as the case moved on, a review started twice.
        // The API answers 409 to whoever it can still tell; a message that slips past its check changes nothing
        // and is noted, rather than faulting into the error queue and being retried.
        OnUnhandledEvent(context =>
        {
            context.GetServiceOrCreateInstance<ILogger<CaseStateMachine>>().LogInformation(
                "Case {CaseId} in {State} ignored {Event}", context.Saga.CorrelationId, context.Saga.CurrentState, context.Event.Name);
            return context.Ignore();
        });

        Event(() => ReportSubmitted, e => e.CorrelateById(context => context.Message.CaseId));
        Event(() => ReportWithdrawn, e => e.CorrelateById(context => context.Message.CaseId));
        Event(() => Acknowledge, e => e.CorrelateById(context => context.Message.CaseId));
        Event(() => StartReview, e => e.CorrelateById(context => context.Message.CaseId));
        Event(() => AddNote, e => e.CorrelateById(context => context.Message.CaseId));
        Event(() => RecordContentAudit, e => e.CorrelateById(context => context.Message.CaseId));
        Event(() => Close, e => e.CorrelateById(context => context.Message.CaseId));
        Event(() => ReporterMessagePosted, e => e.CorrelateById(context => context.Message.CaseId));
        Event(() => ReporterReplied, e => e.CorrelateById(context => context.Message.CaseId));
        Event(() => Flag, e => e.CorrelateById(context => context.Message.CaseId));

        Schedule(() => AcknowledgementDeadline, x => x.AcknowledgementDeadlineTokenId, schedule =>
            schedule.Received = e => e.CorrelateById(context => context.Message.CaseId));
        Schedule(() => ResolutionReminder, x => x.ResolutionReminderTokenId, schedule =>
            schedule.Received = e => e.CorrelateById(context => context.Message.CaseId));

        Initially(
            When(ReportSubmitted)
                .ThenAsync(OpenAsync)
                .Schedule(AcknowledgementDeadline, context => new AcknowledgementDue(context.Saga.CorrelationId),
                    context => context.Saga.AcknowledgementDueAt!.Value)
                .TransitionTo(AwaitingAcknowledgement));

        During(AwaitingAcknowledgement,
            When(AcknowledgementDeadline.Received)
                .ThenAsync(EscalateAsync)
                .If(context => !context.Saga.Overdue, then => then
                    .Schedule(AcknowledgementDeadline, context => new AcknowledgementDue(context.Saga.CorrelationId),
                        context => context.Saga.AcknowledgementDueAt!.Value)),
            When(Acknowledge)
                .Unschedule(AcknowledgementDeadline)
                .Then(context =>
                {
                    context.Saga.AcknowledgedBy = context.Message.ActorId;
                    context.Saga.AcknowledgedAt = Now(context);
                    context.Saga.ResolutionDueAt = Now(context) + CaseRules.ResolutionPeriod;
                    Record(context, "acknowledged", context.Message.ActorId);
                })
                .Schedule(ResolutionReminder, context => new ResolutionDue(context.Saga.CorrelationId),
                    context => context.Saga.ResolutionDueAt!.Value)
                .ThenAsync(context => PublishStatusAsync(context, CaseStatus.Acknowledged, context.Message.ActorId))
                .TransitionTo(Acknowledged));

        During(Acknowledged,
            When(StartReview)
                .Then(context => Record(context, "review-started", context.Message.ActorId))
                .ThenAsync(context => PublishStatusAsync(context, CaseStatus.InReview, context.Message.ActorId))
                .TransitionTo(InReview));

        During(Acknowledged, InReview,
            When(ResolutionReminder.Received)
                .Then(context => Record(context, "resolution-reminder", null))
                .ThenAsync(context => context.Publish(
                    CaseRules.Notice(context.Saga, NotificationKind.Reminder, context.Saga.Levels[0].Roles, Now(context)))));

        During(AwaitingAcknowledgement, Acknowledged, InReview,
            When(ReportSubmitted)
                .Then(context =>
                {
                    context.Saga.ReportCount++;
                    // A campaign's case takes thousands of reports: they are counted, and its timeline keeps what people did.
                    if (!context.Saga.PossibleRetaliation)
                    {
                        Record(context, "report-joined", null, context.Message.PossibleRetaliation ? context.Message.RetaliationReason : null);
                    }
                }),
            When(Flag)
                .If(context => CaseRules.Flag(context.Saga, context.Message.Reason),
                    flagged => flagged.Then(context => Record(context, "flagged", null, $"possible retaliation: {context.Message.Reason}"))),
            When(AddNote)
                .Then(context => Record(context, "note", context.Message.ActorId, context.Message.Text)),
            // Both sides of the conversation with the reporter, in the order they happened, for whoever picks up the case.
            When(ReporterMessagePosted)
                .Then(context => Record(context, "message-to-reporter", context.Message.ActorId, context.Message.Text)),
            // The reply is read in the timeline; the case managers are told there is one, never what it says.
            When(ReporterReplied)
                .Then(context => Record(context, "reporter-replied", "reporter", context.Message.Text))
                .ThenAsync(context => context.Publish(
                    CaseRules.Notice(context.Saga, NotificationKind.ReporterReplied, context.Saga.Levels[0].Roles, Now(context)))),
            When(RecordContentAudit)
                .Then(context =>
                {
                    context.Saga.ContentAuditOutcome = context.Message.Outcome;
                    CompleteStep(context, "content-audit");
                    Record(context, "content-audit-recorded", context.Message.ActorId);
                }),
            When(Close)
                .Unschedule(AcknowledgementDeadline)
                .Unschedule(ResolutionReminder)
                .Then(context =>
                {
                    context.Saga.ClosedAt = Now(context);
                    Record(context, context.Message.Outcome == CaseOutcome.Resolved ? "resolved" : "dismissed",
                        context.Message.ActorId, context.Message.Note);
                })
                .IfElse(context => context.Message.Outcome == CaseOutcome.Resolved,
                    resolved => resolved
                        .ThenAsync(context => PublishStatusAsync(context, CaseStatus.Resolved, context.Message.ActorId))
                        .TransitionTo(Resolved),
                    dismissed => dismissed
                        .ThenAsync(context => PublishStatusAsync(context, CaseStatus.Dismissed, context.Message.ActorId))
                        .TransitionTo(Dismissed)),
            When(ReportWithdrawn)
                .Then(context => context.Saga.ReportCount = Math.Max(0, context.Saga.ReportCount - 1))
                .Then(context => Record(context, "report-withdrawn", null))
                .If(context => context.Saga.ReportCount == 0, withdrawn => withdrawn
                    .Unschedule(AcknowledgementDeadline)
                    .Unschedule(ResolutionReminder)
                    .Then(context => context.Saga.ClosedAt = Now(context))
                    .ThenAsync(context => PublishStatusAsync(context, CaseStatus.Withdrawn, null))
                    .TransitionTo(Withdrawn)));

        // A closed case is the institution's record: late messages change nothing.
        During(Resolved, Dismissed, Withdrawn,
            Ignore(ReportSubmitted), Ignore(ReportWithdrawn), Ignore(Acknowledge), Ignore(StartReview),
            Ignore(AddNote), Ignore(RecordContentAudit), Ignore(Close), Ignore(Flag), Ignore(ReporterMessagePosted), Ignore(ReporterReplied),
            Ignore(AcknowledgementDeadline.Received), Ignore(ResolutionReminder.Received));
    }

    public State AwaitingAcknowledgement { get; private set; } = null!;
    public State Acknowledged { get; private set; } = null!;
    public State InReview { get; private set; } = null!;
    public State Resolved { get; private set; } = null!;
    public State Dismissed { get; private set; } = null!;
    public State Withdrawn { get; private set; } = null!;

    public Event<ReportSubmitted> ReportSubmitted { get; private set; } = null!;
    public Event<ReportWithdrawn> ReportWithdrawn { get; private set; } = null!;
    public Event<AcknowledgeCase> Acknowledge { get; private set; } = null!;
    public Event<StartCaseReview> StartReview { get; private set; } = null!;
    public Event<AddCaseNote> AddNote { get; private set; } = null!;
    public Event<RecordContentAudit> RecordContentAudit { get; private set; } = null!;
    public Event<CloseCase> Close { get; private set; } = null!;
    public Event<CaseFlagged> Flag { get; private set; } = null!;
    public Event<ReporterMessagePosted> ReporterMessagePosted { get; private set; } = null!;
    public Event<ReporterReplied> ReporterReplied { get; private set; } = null!;

    public Schedule<CaseState, AcknowledgementDue> AcknowledgementDeadline { get; private set; } = null!;
    public Schedule<CaseState, ResolutionDue> ResolutionReminder { get; private set; } = null!;

    private static async Task OpenAsync(BehaviorContext<CaseState, ReportSubmitted> context)
    {
        var report = context.Message;
        var policy = await context.GetServiceOrCreateInstance<IEscalationPolicies>().ForAsync(report.InstitutionId, context.CancellationToken);
        var now = Now(context);

        CaseRules.Open(context.Saga, report, policy, now);
        Record(context, "opened", null, report.PossibleRetaliation ? $"possible retaliation: {report.RetaliationReason}" : null);
        await PublishStatusAsync(context, CaseStatus.Triaged, null);
        foreach (var notice in CaseRules.OpeningNotices(context.Saga, now))
        {
            await context.Publish(notice);
        }
        if (report.Track == Track.Harassment && report.PeerSupportWanted && report.SubjectDigest is { } target)
        {
            await context.Publish(new RequestPeerSupport(NewId.NextGuid(), context.Saga.CorrelationId, report.InstitutionId,
                report.NetworkId, target, Urgent: CaseRules.TakesSafetyPath(context.Saga), new DateTimeOffset(now, TimeSpan.Zero)));
        }
        if (CaseRules.TakesSafetyPath(context.Saga))
        {
            Record(context, "safety-path", null);
        }
        await PublishStatusAsync(context, CaseStatus.AwaitingAcknowledgement, null);
    }

    private static async Task EscalateAsync(BehaviorContext<CaseState, AcknowledgementDue> context)
    {
        var saga = context.Saga;
        var now = Now(context);
        if (CaseRules.NextLevel(saga) is var (level, round))
        {
            saga.Level = level;
            saga.Round = round;
            saga.AcknowledgementDueAt = now + saga.Levels[level - 1].DelayFor(saga.Severity);
            var roles = saga.Levels[level - 1].Roles;
            Record(context, "escalated", null, $"level {level}, round {round}");
            await context.Publish(new CaseEscalated(saga.CorrelationId, saga.InstitutionId, level, round, roles,
                new DateTimeOffset(now, TimeSpan.Zero)));
            await context.Publish(CaseRules.Notice(saga, NotificationKind.Escalation, roles, now));
            return;
        }

        saga.Overdue = true;
        saga.AcknowledgementDueAt = null;
        Record(context, "overdue", null);
        await context.Publish(new CaseOverdue(saga.CorrelationId, saga.InstitutionId,
            saga.PossibleRetaliation ? null : saga.NetworkId, new DateTimeOffset(now, TimeSpan.Zero)));
        await context.Publish(CaseRules.Notice(saga, NotificationKind.Overdue, CaseRules.OverdueRoles(saga), now));
    }

    private static Task PublishStatusAsync<T>(BehaviorContext<CaseState, T> context, CaseStatus status, string? actorId)
        where T : class =>
        context.Publish(new CaseStatusChanged(context.Saga.CorrelationId, context.Saga.InstitutionId, status, actorId,
            new DateTimeOffset(Now(context), TimeSpan.Zero)));

    private static void Record<T>(BehaviorContext<CaseState, T> context, string kind, string? actor, string? detail = null)
        where T : class
    {
        var now = Now(context);
        context.Saga.UpdatedAt = now;
        context.Saga.Timeline.Add(new TimelineEntry { At = now, Kind = kind, Actor = actor, Detail = detail });
    }

    private static void CompleteStep<T>(BehaviorContext<CaseState, T> context, string name) where T : class
    {
        foreach (var step in context.Saga.Steps.Where(s => s.Name == name && s.CompletedAt is null))
        {
            step.Status = "done";
            step.CompletedAt = Now(context);
        }
    }

    private static DateTime Now<T>(BehaviorContext<CaseState, T> context) where T : class =>
        context.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow().UtcDateTime;
}
