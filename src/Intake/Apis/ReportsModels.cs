using System.ComponentModel.DataAnnotations;
using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Intake.Reports;

namespace Haven.Intake.Apis;

/// <summary>The answer to a submission. The case key and secret appear here once and are never shown again.</summary>
/// <param name="ReportId">The report.</param>
/// <param name="CaseId">The case the report opened or joined (reports about the same person share one).</param>
/// <param name="HeldUntilCorroborated">True while the report is held: the institution does not see it until someone else reports the same
/// person.</param>
/// <param name="CaseKey">With the secret, the reporter's credential for the follow-up routes (the CaseKey scheme); null when the report
/// carries a signed-in reporter's user id.</param>
/// <param name="CaseSecret">The case key's secret; null when there is no case key.</param>
public sealed record SubmitReportResponse(Guid ReportId, Guid CaseId, bool HeldUntilCorroborated, string? CaseKey, string? CaseSecret);

/// <summary>
/// What an anonymous reporter sees through their case key: where their report stands, the case manager's messages to
/// them, and their case-key inbox of notices.
/// </summary>
/// <param name="ReportId">The reporter's report.</param>
/// <param name="CaseId">Its case.</param>
/// <param name="Status">Where the case stands.</param>
/// <param name="HeldUntilCorroborated">True while the report is held: the institution does not see it until someone else reports the same
/// person.</param>
/// <param name="SubmittedAt">When the report was submitted.</param>
/// <param name="StatusChangedAt">When the case's status last changed.</param>
/// <param name="WithdrawnAt">When the reporter withdrew the report; null unless withdrawn.</param>
/// <param name="Messages">The conversation with the case managers, oldest first.</param>
/// <param name="Notices">Haven's notices to the reporter about the case, oldest first.</param>
public sealed record FollowUpResponse(Guid ReportId, Guid CaseId, CaseStatus Status, bool HeldUntilCorroborated, DateTimeOffset SubmittedAt,
    DateTimeOffset StatusChangedAt, DateTimeOffset? WithdrawnAt, IReadOnlyList<FollowUpMessage> Messages, IReadOnlyList<FollowUpNotice> Notices);

/// <summary>A message of the conversation: the case manager's, or the reporter's own reply.</summary>
/// <param name="MessageId">The message.</param>
/// <param name="Text">What it says.</param>
/// <param name="PostedAt">When it was sent.</param>
/// <param name="FromReporter">True for the reporter's own reply, false for a case manager's message.</param>
public sealed record FollowUpMessage(Guid MessageId, string Text, DateTimeOffset PostedAt, bool FromReporter);

/// <summary>The reporter's answer to the case managers.</summary>
/// <param name="Text">The answer, at most 4000 characters.</param>
public sealed record ReplyRequest([property: MaxLength(ReportLimits.ReplyLength)] string? Text);

/// <summary>A notice Haven sent to the reporter's case key, in the institution's wording.</summary>
/// <param name="NotificationId">The notification.</param>
/// <param name="Title">Its title.</param>
/// <param name="Body">Its text (never the report's text).</param>
/// <param name="CreatedAt">When it was sent.</param>
public sealed record FollowUpNotice(Guid NotificationId, string Title, string Body, DateTimeOffset CreatedAt);

/// <summary>The answer to a withdrawal, the same for a repeat: when the report was withdrawn.</summary>
/// <param name="ReportId">The withdrawn report.</param>
/// <param name="CaseId">Its case.</param>
/// <param name="WithdrawnAt">When it was first withdrawn.</param>
public sealed record WithdrawReportResponse(Guid ReportId, Guid CaseId, DateTimeOffset WithdrawnAt);

/// <summary>Everything reported into a case, for its case managers only.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reports">Its reports that reached the institution (not those still held), oldest first.</param>
public sealed record CaseEvidenceResponse(Guid CaseId, IReadOnlyList<ReportEvidence> Reports);

/// <summary>One report of the case, as the reporter gave it.</summary>
/// <param name="ReportId">The report.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="Track">Harassment of a clinician (track A) or a clinician's concerning conduct (track B).</param>
/// <param name="Categories">What happened.</param>
/// <param name="Context">Where the posts come from.</param>
/// <param name="AdvocacyTopic">The topic of the advocacy, e.g. vaccines; null unless the context is advocacy.</param>
/// <param name="Platform">The social-media platform, e.g. Instagram.</param>
/// <param name="ContentUrls">Links to the content; may be empty when evidence was given instead.</param>
/// <param name="Description">What happened, in the reporter's words.</param>
/// <param name="SubjectName">The name of the clinician the report is about.</param>
/// <param name="SubjectDepartment">Their department; null when not given.</param>
/// <param name="Disclosure">How much of the reporter the institution learns: Anonymous, Named or HeldUntilCorroborated.</param>
/// <param name="ReporterUserId">The signed-in reporter's user id; null for an anonymous report or a reporter who did not sign in.</param>
/// <param name="ReporterName">The name a named reporter who did not sign in gave; null otherwise.</param>
/// <param name="ReporterEmail">The email address a named reporter who did not sign in gave; null otherwise.</param>
/// <param name="Evidence">What the reporter saw, for content that may be deleted; may be empty.</param>
public sealed record ReportEvidence(
    Guid ReportId,
    DateTimeOffset SubmittedAt,
    Track Track,
    IReadOnlyList<ReportCategory> Categories,
    ReportContext Context,
    string? AdvocacyTopic,
    string Platform,
    IReadOnlyList<string> ContentUrls,
    string Description,
    string SubjectName,
    string? SubjectDepartment,
    Disclosure Disclosure,
    string? ReporterUserId,
    string? ReporterName,
    string? ReporterEmail,
    IReadOnlyList<EvidenceSeen> Evidence);

/// <summary>Content as the reporter saw it, captured in case it is deleted.</summary>
/// <param name="Url">Where it was seen; null when not given.</param>
/// <param name="Handle">The account that posted it; null when not given.</param>
/// <param name="SeenAt">When it was seen.</param>
/// <param name="Text">What it said.</param>
/// <param name="TextSha256">The SHA-256 of the text (UTF-8), in lower-case hex, taken when it was reported: shows it was not altered.</param>
public sealed record EvidenceSeen(string? Url, string? Handle, DateTimeOffset SeenAt, string Text, string TextSha256);
