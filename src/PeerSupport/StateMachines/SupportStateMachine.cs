using Haven.Contracts.PeerSupport;
using Haven.PeerSupport.Messages;
using MassTransit;

namespace Haven.PeerSupport.StateMachines;

/// <summary>
/// One request for peer support: offer → accept within the deadline (or re-match; the network lead is told after
/// N refusals or when nobody is left) → hand-off → touching base → check-ins (day 3, week 2) → closure.
/// Its events say only that a match or a closure happened: nothing of the conversation crosses the wall.
/// </summary>
public sealed class SupportStateMachine : MassTransitStateMachine<SupportState>
{
    /// <summary>States in which a request takes one of its supporter's places (a pending offer does too).</summary>
    public static readonly string[] HoldingCapacity = [nameof(Offered), nameof(Matched), nameof(Supporting)];

    public SupportStateMachine()
    {
        InstanceState(x => x.CurrentState);
        // Late answers, double clicks and timers that lost a race are normal here (an offer expiring as it is accepted,
        // a check-in due after closing, a second close): the API answers 409 to what no longer applies, and a message
        // that slips past its check changes nothing and is noted, rather than faulting into the error queue.
        OnUnhandledEvent(context =>
        {
            context.GetServiceOrCreateInstance<ILogger<SupportStateMachine>>().LogInformation(
                "Support request {RequestId} in {State} ignored {Event}", context.Saga.CorrelationId, context.Saga.CurrentState,
                context.Event.Name);
            return context.Ignore();
        });

        Event(() => CaseRequested, e => e.CorrelateById(context => context.Message.RequestId));
        Event(() => Referred, e => e.CorrelateById(context => context.Message.RequestId));
        Event(() => Answered, e => e.CorrelateById(context => context.Message.RequestId));
        Event(() => FirstContact, e => e.CorrelateById(context => context.Message.RequestId));
        Event(() => Ended, e => e.CorrelateById(context => context.Message.RequestId));
        // Every unmatched request of the network, found by query; none is fine.
        Event(() => SupportersChanged, e =>
        {
            e.CorrelateBy((saga, context) => saga.NetworkId == context.Message.NetworkId && saga.CurrentState == nameof(Unmatched));
            e.OnMissingInstance(missing => missing.Discard());
        });

        Schedule(() => OfferDeadline, x => x.OfferTokenId, schedule =>
            schedule.Received = e => e.CorrelateById(context => context.Message.RequestId));
        Schedule(() => CheckIn, x => x.CheckInTokenId, schedule =>
            schedule.Received = e => e.CorrelateById(context => context.Message.RequestId));

        Initially(
            When(CaseRequested)
                .Then(context => FromCase(context.Saga, context.Message))
                .IfElse(context => context.Saga.NetworkId.Length > 0,
                    inNetwork => OfferToNextSupporter(inNetwork),
                    // An institution outside any network has no coalition to ask: nothing to match, nobody to tell.
                    alone => alone.TransitionTo(Unmatched)),
            OfferToNextSupporter(When(Referred)
                .Then(context => FromReferral(context.Saga, context.Message))));

        During(Offered,
            When(Answered, context => context.Message.SupporterId == context.Saga.SupporterId && context.Message.Accepted)
                .Unschedule(OfferDeadline)
                .Then(context => context.Saga.AcceptedAt = context.Message.AnsweredAt)
                .Schedule(CheckIn, context => new CheckInDue(context.Saga.CorrelationId, 1),
                    context => (context.Saga.AcceptedAt!.Value + context.Saga.FirstCheckIn).UtcDateTime)
                .Publish(context => new SupporterMatched(context.Saga.CorrelationId, context.Saga.CaseId, context.Saga.InstitutionId,
                    context.Saga.NetworkId, context.Message.AnsweredAt))
                .TransitionTo(Matched),
            OfferToNextSupporter(Refused(
                When(Answered, context => context.Message.SupporterId == context.Saga.SupporterId && !context.Message.Accepted)
                    .Unschedule(OfferDeadline))),
            OfferToNextSupporter(Refused(
                When(OfferDeadline.Received))),
            Close(When(Ended)
                .Unschedule(OfferDeadline)));

        During(Matched,
            When(FirstContact, context => context.Message.SupporterId == context.Saga.SupporterId)
                .Then(context => context.Saga.TouchedBaseAt = context.Message.At)
                .TransitionTo(Supporting));

        During(Matched, Supporting,
            When(CheckIn.Received)
                .Then(context => context.Saga.CheckInsDue = context.Message.CheckIn)
                .Publish(context => new SupportCheckInDue(context.Saga.CorrelationId, SupporterOf(context.Saga), context.Message.CheckIn,
                    Now(context)))
                .If(context => context.Message.CheckIn == 1, first => first
                    .Schedule(CheckIn, context => new CheckInDue(context.Saga.CorrelationId, 2),
                        context => (context.Saga.AcceptedAt!.Value + context.Saga.SecondCheckIn).UtcDateTime)),
            Close(When(Ended)
                .Unschedule(CheckIn)));

        During(Unmatched,
            // The lead heard when the request stalled; a retry that still finds nobody stays quiet.
            OfferToNextSupporter(When(SupportersChanged), tellLeadWhenNobodyIsLeft: false),
            Close(When(Ended)));

        // A second request with the same id (the case flow retrying, a double submit) is the same request.
        DuringAny(
            Ignore(CaseRequested),
            Ignore(Referred));

        // Closed supports are never finalized: they stay as the participants' record (and their feedback).
        SetCompletedWhenFinalized();
    }

    private EventActivityBinder<SupportState, T> OfferToNextSupporter<T>(EventActivityBinder<SupportState, T> binder,
        bool tellLeadWhenNobodyIsLeft = true) where T : class =>
        binder
            .Activity(x => x.OfInstanceType<MatchSupporterActivity>())
            .IfElse(context => context.Saga.SupporterId is not null,
                found => found
                    .Schedule(OfferDeadline, context => new OfferExpired(context.Saga.CorrelationId, context.Saga.SupporterId!.Value),
                        context => context.Saga.RespondBy!.Value.UtcDateTime)
                    .Publish(context => new SupportOffered(context.Saga.CorrelationId, SupporterOf(context.Saga), context.Saga.NetworkId,
                        context.Saga.Urgent, context.Saga.RespondBy!.Value))
                    .TransitionTo(Offered),
                nobody => nobody
                    .If(_ => tellLeadWhenNobodyIsLeft, lead => lead.Publish(context => Stalled(context, noSupporterLeft: true)))
                    .TransitionTo(Unmatched));

    private static EventActivityBinder<SupportState, T> Refused<T>(EventActivityBinder<SupportState, T> binder) where T : class =>
        binder
            .Then(context => context.Saga.Refusals++)
            .If(context => context.Saga.Refusals == context.Saga.RefusalsBeforeLeadIsTold,
                lead => lead.Publish(context => Stalled(context, noSupporterLeft: false)));

    private EventActivityBinder<SupportState, SupportEnded> Close(EventActivityBinder<SupportState, SupportEnded> binder) =>
        binder
            .Then(context =>
            {
                context.Saga.ClosedAt = context.Message.At;
                context.Saga.FeedbackRating = context.Message.FeedbackRating;
                context.Saga.FeedbackComment = context.Message.FeedbackComment;
            })
            .Publish(context => new SupportClosed(context.Saga.CorrelationId, context.Saga.CaseId, context.Saga.InstitutionId,
                context.Saga.NetworkId, context.Message.At))
            // The supporter's place is free again.
            .Publish(context => new SupportersAvailable(context.Saga.NetworkId, context.Message.At))
            .TransitionTo(Closed);

    private static void FromCase(SupportState support, RequestPeerSupport request)
    {
        support.Origin = SupportOrigin.Case;
        support.CaseId = request.CaseId;
        support.InstitutionId = request.InstitutionId;
        support.NetworkId = request.NetworkId ?? "";
        support.RequesterDigest = request.TargetDigest.ToLowerInvariant();
        support.Urgent = request.Urgent;
        support.RequestedAt = request.RequestedAt;
    }

    private static void FromReferral(SupportState support, SupportRequested request)
    {
        support.Origin = request.Origin;
        support.InstitutionId = request.InstitutionId;
        support.NetworkId = request.NetworkId;
        support.RequesterDigest = request.RequesterDigest;
        support.ReferrerDigest = request.ReferrerDigest;
        support.FirstName = request.FirstName;
        support.PreferredContact = request.PreferredContact;
        support.Department = request.Department;
        support.Languages = [.. request.Languages];
        support.Experience = [.. request.Experience];
        support.PreferAnotherInstitution = request.PreferAnotherInstitution;
        support.ConflictDigests = [.. request.ConflictDigests];
        support.Urgent = request.Urgent;
        support.RequestedAt = request.RequestedAt;
    }

    private static SupporterAddress SupporterOf(SupportState support) =>
        new(support.SupporterInstitutionId!, support.SupporterUserId!);

    private static SupportMatchStalled Stalled<T>(BehaviorContext<SupportState, T> context, bool noSupporterLeft) where T : class =>
        new(context.Saga.CorrelationId, context.Saga.NetworkId, context.Saga.Refusals, noSupporterLeft, context.Saga.Urgent, Now(context));

    private static DateTimeOffset Now<T>(BehaviorContext<SupportState, T> context) where T : class =>
        context.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow();

    public State Offered { get; private set; } = null!;
    public State Matched { get; private set; } = null!;
    public State Supporting { get; private set; } = null!;
    public State Unmatched { get; private set; } = null!;
    public State Closed { get; private set; } = null!;

    public Event<RequestPeerSupport> CaseRequested { get; private set; } = null!;
    public Event<SupportRequested> Referred { get; private set; } = null!;
    public Event<OfferAnswered> Answered { get; private set; } = null!;
    public Event<TouchedBase> FirstContact { get; private set; } = null!;
    public Event<SupportEnded> Ended { get; private set; } = null!;
    public Event<SupportersAvailable> SupportersChanged { get; private set; } = null!;

    public Schedule<SupportState, OfferExpired> OfferDeadline { get; private set; } = null!;
    public Schedule<SupportState, CheckInDue> CheckIn { get; private set; } = null!;
}
