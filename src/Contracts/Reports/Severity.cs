namespace Haven.Contracts.Reports;

/// <summary>Triage severity; it sets the acknowledgement deadline of each escalation level.</summary>
public enum Severity
{
    Low = 1,
    Moderate = 2,
    High = 3,
    Critical = 4,
}
