using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Reports;

/// <summary>
/// A report was accepted and triaged (v1). It opens a case, or joins the open case about the same content.
/// Carries no report text and no evidence: those stay in the intake service.
/// </summary>
/// <param name="ReportId">The report.</param>
/// <param name="CaseId">The case it opens or joins.</param>
/// <param name="OpensCase">False when the report joined an existing case (same normalized URL).</param>
/// <param name="InstitutionId">The institution (tenant) the case belongs to.</param>
/// <param name="NetworkId">The institution's coalition network, if any.</param>
/// <param name="Track">Harassment of a clinician (A) or concerning conduct by one (B).</param>
/// <param name="Categories">What the report is about.</param>
/// <param name="Severity">Triage severity.</param>
/// <param name="Pathways">The routes the case takes.</param>
/// <param name="SubjectDigest">
/// Pseudonymous key of the person the report is about (the target in track A, the individual in track B):
/// SHA-256 of "institution:email". Used to reach them privately and to keep them out of every other recipient list.
/// </param>
/// <param name="PossibleRetaliation">Flagged as a possible weaponized complaint or pile-on.</param>
/// <param name="RetaliationReason">Why it was flagged.</param>
/// <param name="TargetConsentsToInstitution">Track A: the target agrees that their institution is told.</param>
/// <param name="PeerSupportWanted">Track A: the target would like a peer supporter.</param>
/// <param name="SubmittedAt">When the report was accepted.</param>
[MessageUrn("haven:reports:report-submitted:v1")]
public record ReportSubmitted(
    Guid ReportId,
    Guid CaseId,
    bool OpensCase,
    string InstitutionId,
    string? NetworkId,
    Track Track,
    IReadOnlyList<ReportCategory> Categories,
    Severity Severity,
    IReadOnlyList<Pathway> Pathways,
    string? SubjectDigest,
    bool PossibleRetaliation,
    string? RetaliationReason,
    bool TargetConsentsToInstitution,
    bool PeerSupportWanted,
    DateTimeOffset SubmittedAt) : IInstitutionMessage;
