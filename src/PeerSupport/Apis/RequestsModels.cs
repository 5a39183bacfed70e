using System.ComponentModel.DataAnnotations;
using Haven.Http;
using Haven.PeerSupport.StateMachines;

namespace Haven.PeerSupport.Apis;

/// <summary>A clinician asking for support for themselves.</summary>
/// <param name="FirstName">The first name the supporter will know them by, at most 100 characters.</param>
/// <param name="PreferredContact">How the supporter reaches them (a phone number, an address), at most 200 characters; shown to the supporter
/// only once they accept.</param>
/// <param name="Department">Their department, at most 100 characters: a supporter from their own institution is never from the same
/// department, and without it only supporters of other institutions are offered.</param>
/// <param name="Languages">Languages they would like to speak, e.g. <c>spanish</c>; a shared one counts in the match.</param>
/// <param name="Experience">What they are going through, as tags such as <c>doxxing</c>; shared experience counts most in the match.</param>
/// <param name="PreferAnotherInstitution">True: only supporters of other institutions.</param>
/// <param name="Urgent">True: urgent support, offers expire sooner.</param>
/// <param name="Conflicts">People they must never be matched with.</param>
public sealed record SelfReferralRequest(
    [property: MaxLength(100)] string FirstName,
    [property: MaxLength(200)] string PreferredContact,
    [property: MaxLength(100)] string? Department,
    IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Experience,
    bool PreferAnotherInstitution,
    bool Urgent,
    IReadOnlyList<PersonRef>? Conflicts);

/// <summary>A colleague asking on someone's behalf (of the referrer's institution, named by e-mail).</summary>
/// <param name="ColleagueEmail">The colleague's email address at the referrer's institution, at most 200 characters.</param>
/// <param name="FirstName">The first name the supporter will know them by, at most 100 characters.</param>
/// <param name="PreferredContact">How the supporter reaches them (a phone number, an address), at most 200 characters; shown to the supporter
/// only once they accept.</param>
/// <param name="Department">Their department, at most 100 characters: a supporter from their own institution is never from the same
/// department, and without it only supporters of other institutions are offered.</param>
/// <param name="Languages">Languages they would like to speak, e.g. <c>spanish</c>; a shared one counts in the match.</param>
/// <param name="Experience">What they are going through, as tags such as <c>doxxing</c>; shared experience counts most in the match.</param>
/// <param name="PreferAnotherInstitution">True: only supporters of other institutions.</param>
/// <param name="Urgent">True: urgent support, offers expire sooner.</param>
public sealed record ColleagueReferralRequest(
    [property: MaxLength(200)] string ColleagueEmail,
    [property: MaxLength(100)] string FirstName,
    [property: MaxLength(200)] string PreferredContact,
    [property: MaxLength(100)] string? Department,
    IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Experience,
    bool PreferAnotherInstitution,
    bool Urgent);

/// <summary>The request was stored; matching goes on in the background.</summary>
/// <param name="Id">The request, to follow at <c>/api/peer-support/requests/{id}</c>.</param>
public sealed record AcceptedResponse(Guid Id);

/// <summary>The minimal hand-off: a first name and how to reach them, nothing else.</summary>
/// <param name="FirstName">The other party's first name; null when a case's request gave none.</param>
/// <param name="PreferredContact">How to reach them; null when a case's request gave none.</param>
public sealed record HandOff(string? FirstName, string? PreferredContact);

/// <summary>
/// A request as one of its participants sees it. <see cref="WhyThisSupporter"/> explains the current match;
/// <see cref="HandOff"/> shows the other party once the supporter has accepted.
/// </summary>
/// <param name="Id">The request.</param>
/// <param name="Status">Where it stands: <c>Offered</c> (waiting for a supporter's answer), <c>Matched</c> (accepted), <c>Supporting</c>
/// (in touch), <c>Unmatched</c> (no eligible supporter left) or <c>Closed</c>.</param>
/// <param name="Origin">How it came in: <c>Case</c>, <c>SelfReferral</c> or <c>ColleagueReferral</c>.</param>
/// <param name="YourPart">How the caller takes part: <c>Requester</c>, <c>Supporter</c> or <c>NetworkLead</c>.</param>
/// <param name="Urgent">True when urgent support was asked for: offers expire sooner.</param>
/// <param name="RequestedAt">When it was requested.</param>
/// <param name="WhyThisSupporter">Why the current supporter was matched, e.g. <c>Speaks spanish</c>; empty while none is.</param>
/// <param name="RespondBy">While offered: when the offer expires and the next supporter is asked; null otherwise.</param>
/// <param name="AcceptedAt">When the supporter accepted; null until then.</param>
/// <param name="TouchedBaseAt">When the supporter recorded first contact; null until then.</param>
/// <param name="CheckInsDue">How many check-ins have fallen due since acceptance (0, 1 or 2).</param>
/// <param name="ClosedAt">When it closed; null while open.</param>
/// <param name="Refusals">How many offers were declined or expired.</param>
/// <param name="HandOff">The other party's first name and contact, once the supporter accepted; null before, and for the network lead.</param>
public sealed record SupportResponse(
    Guid Id,
    string Status,
    [property: NamesOf(typeof(SupportOrigin))] string Origin,
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

/// <summary>A supporter's note on a request, which only they read.</summary>
/// <param name="Text">The note, at most 4000 characters.</param>
/// <param name="CheckIn">True when the note records a check-in.</param>
public sealed record SupportNoteRequest([property: MaxLength(4000)] string Text, bool CheckIn);

/// <summary>A supporter's note.</summary>
/// <param name="Id">The note.</param>
/// <param name="Text">What it says.</param>
/// <param name="CheckIn">True when it records a check-in.</param>
/// <param name="WrittenAt">When it was written.</param>
public sealed record SupportNoteResponse(Guid Id, string Text, bool CheckIn, DateTimeOffset WrittenAt);

/// <summary>Closing, with the requester's optional feedback (a rating of 1–5 and a comment that stays in peer support).</summary>
/// <param name="Rating">The requester's rating, 1 to 5; ignored from anyone else.</param>
/// <param name="Comment">The requester's comment, at most 2000 characters; ignored from anyone else.</param>
public sealed record CloseSupportRequest([property: Range(1, 5)] int? Rating, [property: MaxLength(2000)] string? Comment);
