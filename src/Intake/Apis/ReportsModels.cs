using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Intake.Reports;

namespace Haven.Intake.Apis;

/// <summary>The answer to a submission. The case key and secret appear here once and are never shown again.</summary>
public sealed record SubmitReportResponse(Guid ReportId, Guid CaseId, bool HeldUntilCorroborated, string? CaseKey, string? CaseSecret);

/// <summary>
/// What an anonymous reporter sees through their case key: where their report stands, the case manager's messages to
/// them, and their case-key inbox of notices.
/// </summary>
public sealed record FollowUpResponse(Guid ReportId, Guid CaseId, CaseStatus Status, bool HeldUntilCorroborated, DateTimeOffset SubmittedAt,
    DateTimeOffset StatusChangedAt, DateTimeOffset? WithdrawnAt, IReadOnlyList<FollowUpMessage> Messages, IReadOnlyList<FollowUpNotice> Notices);

/// <summary>A message of the conversation: the case manager's, or the reporter's own reply.</summary>
public sealed record FollowUpMessage(Guid MessageId, string Text, DateTimeOffset PostedAt, bool FromReporter);

public sealed record ReplyRequest(string? Text);

public sealed record FollowUpNotice(Guid NotificationId, string Title, string Body, DateTimeOffset CreatedAt);

/// <summary>The answer to a withdrawal, the same for a repeat: when the report was withdrawn.</summary>
public sealed record WithdrawReportResponse(Guid ReportId, Guid CaseId, DateTimeOffset WithdrawnAt);

/// <summary>Everything reported into a case, for its case managers only.</summary>
public sealed record CaseEvidenceResponse(Guid CaseId, IReadOnlyList<ReportEvidence> Reports);

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

public sealed record EvidenceSeen(string? Url, string? Handle, DateTimeOffset SeenAt, string Text, string TextSha256);
