namespace Haven.Intake.Reports;

/// <summary>What the attack or the conduct arose from (most attacks on clinicians follow advocacy).</summary>
public enum ReportContext
{
    Advocacy = 1,
    Personal = 2,
    WorkRelated = 3,
    Other = 4,
}
