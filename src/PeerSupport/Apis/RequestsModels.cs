namespace Haven.PeerSupport.Apis;

/// <summary>A clinician asking for support for themselves.</summary>
public sealed record SelfReferralRequest(
    string FirstName,
    string PreferredContact,
    string? Department,
    IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Experience,
    bool PreferAnotherInstitution,
    bool Urgent,
    IReadOnlyList<PersonRef>? Conflicts);

/// <summary>A colleague asking on someone's behalf (of the referrer's institution, named by e-mail).</summary>
public sealed record ColleagueReferralRequest(
    string ColleagueEmail,
    string FirstName,
    string PreferredContact,
    string? Department,
    IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Experience,
    bool PreferAnotherInstitution,
    bool Urgent);

public sealed record AcceptedResponse(Guid Id);

/// <summary>The minimal hand-off: a first name and how to reach them, nothing else.</summary>
public sealed record HandOff(string? FirstName, string? PreferredContact);

/// <summary>
/// A request as one of its participants sees it. <see cref="WhyThisSupporter"/> explains the current match;
/// <see cref="HandOff"/> shows the other party once the supporter has accepted.
/// </summary>
public sealed record SupportResponse(
    Guid Id,
    string Status,
    string Origin,
    string YourPart,
    bool Urgent,
    DateTimeOffset RequestedAt,
    IReadOnlyList<string> WhyThisSupporter,
    DateTimeOffset? RespondBy,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? TouchedBaseAt,
    int CheckInsDue,
    DateTimeOffset? ClosedAt,
    int Refusals,
    HandOff? HandOff);

public sealed record SupportNoteRequest(string Text, bool CheckIn);

public sealed record SupportNoteResponse(Guid Id, string Text, bool CheckIn, DateTimeOffset WrittenAt);

/// <summary>Closing, with the requester's optional feedback (a rating of 1–5 and a comment that stays in peer support).</summary>
public sealed record CloseSupportRequest(int? Rating, string? Comment);
