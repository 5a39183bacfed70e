using Haven.Contracts.Reports;

namespace Haven.Intake.Triage;

/// <summary>The default triage of DOMAIN.md: severity from the most severe category, pathways from categories and track.</summary>
public static class TriageRules
{
    public static Severity SeverityOf(ReportCategory category) => category switch
    {
        ReportCategory.ThreatOfViolence or ReportCategory.Doxxing => Severity.Critical,
        ReportCategory.SexualHarassment or ReportCategory.CoordinatedCampaign
            or ReportCategory.PatientPrivacyBreach or ReportCategory.IllegalActivity => Severity.High,
        ReportCategory.PersonalAttack or ReportCategory.Impersonation
            or ReportCategory.HealthMisinformation or ReportCategory.DiscriminatoryContent => Severity.Moderate,
        _ => Severity.Low,
    };

    public static Severity SeverityOf(IEnumerable<ReportCategory> categories) =>
        categories.Select(SeverityOf).DefaultIfEmpty(Severity.Low).Max();

    public static Track TrackOf(ReportCategory category) => (int)category / 100 == 1 ? Track.Harassment : Track.ConcerningConduct;

    /// <summary>
    /// Track A: the institution only with the target's consent (they decide what it is told), the platform's
    /// reporting pathway, law enforcement for threats and doxxing, peer support when wanted.
    /// Track B: the institution and a direct private notice to the individual first, the platform pathway for
    /// content that breaks platform policy, federal authorities for a privacy breach or illegal activity.
    /// </summary>
    public static IReadOnlyList<Pathway> PathwaysOf(Track track, IReadOnlyCollection<ReportCategory> categories,
        bool targetConsentsToInstitution, bool peerSupportWanted)
    {
        var pathways = new SortedSet<Pathway>();
        if (track == Track.Harassment)
        {
            if (targetConsentsToInstitution)
            {
                pathways.Add(Pathway.Institution);
            }
            pathways.Add(Pathway.Platform);
            if (categories.Any(c => c is ReportCategory.ThreatOfViolence or ReportCategory.Doxxing))
            {
                pathways.Add(Pathway.LawEnforcement);
            }
            if (peerSupportWanted)
            {
                pathways.Add(Pathway.PeerSupport);
            }
        }
        else
        {
            pathways.Add(Pathway.Institution);
            pathways.Add(Pathway.IndividualNotice);
            if (categories.Any(c => c != ReportCategory.ConductOther))
            {
                pathways.Add(Pathway.Platform);
            }
            if (categories.Any(c => c is ReportCategory.PatientPrivacyBreach or ReportCategory.IllegalActivity))
            {
                pathways.Add(Pathway.FederalAuthorities);
            }
        }
        return [.. pathways];
    }
}
