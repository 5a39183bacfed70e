namespace Haven.Intake.Apis;

/// <summary>
/// The report form. Choices are names (e.g. <c>"Harassment"</c>, <c>"ThreatOfViolence"</c>) so that a wrong one
/// gets a field error rather than a parse failure.
/// </summary>
public sealed record SubmitReportRequest(
    string? Track,
    string? InstitutionId,
    IReadOnlyList<string>? Categories,
    ReportContextRequest? Context,
    string? Platform,
    IReadOnlyList<string>? ContentUrls,
    IReadOnlyList<EvidenceRequest>? Evidence,
    string? Description,
    SubjectRequest? Subject,
    string? Disclosure,
    ReporterRequest? Reporter,
    bool? TargetConsentsToInstitution,
    bool? PeerSupportWanted);

/// <param name="Kind">Advocacy, Personal, WorkRelated or Other.</param>
/// <param name="Topic">For advocacy: e.g. vaccines.</param>
public sealed record ReportContextRequest(string? Kind, string? Topic);

public sealed record EvidenceRequest(string? Text, string? Handle, DateTimeOffset? SeenAt, string? Url);

/// <summary>The person the report is about: the target (track A) or the individual (track B).</summary>
public sealed record SubjectRequest(string? Name, string? Email, string? Department);

/// <summary>A named reporter who is not signed in says who they are.</summary>
public sealed record ReporterRequest(string? Name, string? Email);
