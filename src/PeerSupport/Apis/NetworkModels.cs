namespace Haven.PeerSupport.Apis;

/// <summary>A network's tuning of the journey; durations as "d.hh:mm:ss".</summary>
public sealed record NetworkSettingsRequest(
    TimeSpan OfferDeadline,
    TimeSpan UrgentOfferDeadline,
    int RefusalsBeforeLeadIsTold,
    TimeSpan FirstCheckIn,
    TimeSpan SecondCheckIn);

public sealed record NetworkSettingsResponse(
    TimeSpan OfferDeadline,
    TimeSpan UrgentOfferDeadline,
    int RefusalsBeforeLeadIsTold,
    TimeSpan FirstCheckIn,
    TimeSpan SecondCheckIn);

/// <summary>A request as the network lead sees it: its course and why it was matched, never the hand-off, notes or comments.</summary>
public sealed record NetworkRequestResponse(
    Guid Id,
    string Status,
    string Origin,
    string InstitutionId,
    bool Urgent,
    DateTimeOffset RequestedAt,
    int Refusals,
    IReadOnlyList<string> WhyThisSupporter,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    int? FeedbackRating);
