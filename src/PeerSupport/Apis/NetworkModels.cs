using Haven.Http;
using Haven.PeerSupport.StateMachines;

namespace Haven.PeerSupport.Apis;

/// <summary>A network's tuning of the journey; durations as "d.hh:mm:ss", at least one second.</summary>
/// <param name="OfferDeadline">How long an offered supporter has to answer before the next is offered the request.</param>
/// <param name="UrgentOfferDeadline">The same, for an urgent request.</param>
/// <param name="RefusalsBeforeLeadIsTold">After this many refusals or expired offers the network lead is told (1 to 20).</param>
/// <param name="FirstCheckIn">How long after acceptance the supporter is reminded to check in the first time.</param>
/// <param name="SecondCheckIn">How long after acceptance the second check-in is due; later than the first.</param>
public sealed record NetworkSettingsRequest(
    TimeSpan OfferDeadline,
    TimeSpan UrgentOfferDeadline,
    int RefusalsBeforeLeadIsTold,
    TimeSpan FirstCheckIn,
    TimeSpan SecondCheckIn);

/// <summary>A network's tuning of the journey (Haven's defaults until its lead sets its own); durations as "d.hh:mm:ss".</summary>
/// <param name="OfferDeadline">How long an offered supporter has to answer before the next is offered the request.</param>
/// <param name="UrgentOfferDeadline">The same, for an urgent request.</param>
/// <param name="RefusalsBeforeLeadIsTold">After this many refusals or expired offers the network lead is told (1 to 20).</param>
/// <param name="FirstCheckIn">How long after acceptance the supporter is reminded to check in the first time.</param>
/// <param name="SecondCheckIn">How long after acceptance the second check-in is due; later than the first.</param>
public sealed record NetworkSettingsResponse(
    TimeSpan OfferDeadline,
    TimeSpan UrgentOfferDeadline,
    int RefusalsBeforeLeadIsTold,
    TimeSpan FirstCheckIn,
    TimeSpan SecondCheckIn);

/// <summary>A request as the network lead sees it: its course and why it was matched, never the hand-off, notes or comments.</summary>
/// <param name="Id">The request.</param>
/// <param name="Status">Where it stands: <c>Offered</c> (waiting for a supporter's answer), <c>Matched</c> (accepted), <c>Supporting</c>
/// (in touch), <c>Unmatched</c> (no eligible supporter left) or <c>Closed</c>.</param>
/// <param name="Origin">How it came in: <c>Case</c>, <c>SelfReferral</c> or <c>ColleagueReferral</c>.</param>
/// <param name="InstitutionId">The institution of the person supported.</param>
/// <param name="Urgent">True when the requester asked for urgent support: offers expire sooner.</param>
/// <param name="RequestedAt">When it was requested.</param>
/// <param name="Refusals">How many offers were declined or expired.</param>
/// <param name="WhyThisSupporter">Why the current supporter was matched, e.g. <c>From another institution</c>; empty while none is.</param>
/// <param name="AcceptedAt">When a supporter accepted; null until then.</param>
/// <param name="ClosedAt">When it closed; null while open.</param>
/// <param name="FeedbackRating">The requester's rating at closing, 1 to 5; null when none was given.</param>
public sealed record NetworkRequestResponse(
    Guid Id,
    string Status,
    [property: NamesOf(typeof(SupportOrigin))] string Origin,
    string InstitutionId,
    bool Urgent,
    DateTimeOffset RequestedAt,
    int Refusals,
    IReadOnlyList<string> WhyThisSupporter,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    int? FeedbackRating);
