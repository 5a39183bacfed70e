using Haven.Contracts.Reports;

namespace Haven.Intake.Reports;

/// <summary>A report that passed validation, with its URLs normalized.</summary>
public sealed record ReportDraft(
    Track Track,
    string InstitutionId,
    IReadOnlyList<ReportCategory> Categories,
    ReportContext Context,
    string? AdvocacyTopic,
    string Platform,
    IReadOnlyList<string> ContentUrls,
    IReadOnlyList<EvidenceDraft> Evidence,
    string Description,
    string SubjectName,
    string SubjectEmail,
    string? SubjectDepartment,
    Disclosure Disclosure,
    string? ReporterName,
    string? ReporterEmail,
    bool TargetConsentsToInstitution,
    bool PeerSupportWanted);

public sealed record EvidenceDraft(string Text, string? Handle, DateTimeOffset SeenAt, string? Url);
