using Haven.Contracts.Reports;
using Haven.Escalation.StateMachines;

namespace Haven.Escalation.Apis;

/// <summary>
/// What a case manager hands to a platform's reporting pathway, the police or federal authorities: structured
/// facts of the case and where its privately captured evidence is kept — never the content itself.
/// </summary>
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
