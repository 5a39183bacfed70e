using Haven.Contracts.Reports;
using Haven.Escalation.StateMachines;

namespace Haven.Escalation.Apis;

/// <summary>
/// What a case manager hands to a platform's reporting pathway, the police or federal authorities: structured
/// facts of the case and where its privately captured evidence is kept — never the content itself.
/// </summary>
/// <param name="Pathway">The pathway the packet is for: <c>platform</c>, <c>law-enforcement</c> or <c>federal-authorities</c>.</param>
/// <param name="CaseId">The case.</param>
/// <param name="InstitutionId">The institution the case belongs to, e.g. <c>mercy</c>.</param>
/// <param name="Track">Harassment of a clinician (track A) or a clinician's concerning conduct (track B).</param>
/// <param name="Severity">Triage severity.</param>
/// <param name="Categories">The categories of the case's reports.</param>
/// <param name="OpenedAt">When the case opened (UTC).</param>
/// <param name="ReportCount">How many reports are in the case.</param>
/// <param name="EvidenceLocation">The route where the case's staff read the privately captured evidence.</param>
/// <param name="Step">The pathway's step and where it stands; null when the case has no step of that name.</param>
/// <param name="StatusHistory">The case's timeline without its internal notes, oldest first.</param>
/// <param name="GeneratedAt">When this packet was made (UTC).</param>
public sealed record ReferralPacketResponse(
    string Pathway,
    Guid CaseId,
    string InstitutionId,
    Track Track,
    Severity Severity,
    IReadOnlyList<ReportCategory> Categories,
    DateTime OpenedAt,
    int ReportCount,
    string EvidenceLocation,
    CaseStep? Step,
    IReadOnlyList<TimelineEntry> StatusHistory,
    DateTime GeneratedAt)
{
    public static readonly IReadOnlyDictionary<string, global::Haven.Contracts.Reports.Pathway> Pathways =
        new Dictionary<string, global::Haven.Contracts.Reports.Pathway>
    {
        ["platform"] = global::Haven.Contracts.Reports.Pathway.Platform,
        ["law-enforcement"] = global::Haven.Contracts.Reports.Pathway.LawEnforcement,
        ["federal-authorities"] = global::Haven.Contracts.Reports.Pathway.FederalAuthorities,
    };

    public static ReferralPacketResponse For(CaseState c, string pathway, DateTime now) => new(
        pathway, c.CorrelationId, c.InstitutionId, c.Track, c.Severity, c.Categories, c.OpenedAt, c.ReportCount,
        $"/api/intake/cases/{c.CorrelationId}/evidence",
        c.Steps.FirstOrDefault(s => s.Name == pathway),
        [.. c.Timeline.Where(t => t.Kind is not "note")],
        now);
}
