namespace Haven.Escalation.Policies;

/// <summary>The ladder of DOMAIN.md, for institutions that have not set their own.</summary>
public static class DefaultPolicy
{
    public const string CaseManager = "case-manager";
    public const string ProgramDirector = "program-director";
    public const string WellbeingLead = "wellbeing-lead";
    public const string Leadership = "leadership";
    public const string Security = "security";
    public const string NetworkLead = "network-lead";

    public static EscalationPolicy For(string institutionId) => new()
    {
        InstitutionId = institutionId,
        Levels =
        [
            Level([CaseManager]),
            Level([ProgramDirector, WellbeingLead]),
            Level([Leadership]),
        ],
        Repeats = 1,
    };

    // Acknowledgement deadlines by severity, from the triage table.
    private static EscalationLevel Level(List<string> roles) => new()
    {
        Roles = roles,
        Critical = TimeSpan.FromHours(1),
        High = TimeSpan.FromHours(4),
        Moderate = TimeSpan.FromHours(24),
        Low = TimeSpan.FromHours(72),
    };
}
