using Haven.Contracts.Reports;
using Haven.Messaging.Tenancy;

namespace Haven.Escalation.Policies;

/// <summary>
/// An institution's escalation ladder (PagerDuty-style): ordered levels of roles, each told when the one
/// before it did not acknowledge in time; after the last level the ladder repeats, then the case is overdue.
/// </summary>
public sealed class EscalationPolicy : ITenantOwned
{
    public required string InstitutionId { get; set; }
    public List<EscalationLevel> Levels { get; set; } = [];

    /// <summary>How many more times the whole ladder runs before the case is marked overdue.</summary>
    public int Repeats { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>One rung: the roles told, and how long they have to acknowledge, by severity.</summary>
public sealed class EscalationLevel
{
    public List<string> Roles { get; set; } = [];
    public TimeSpan Critical { get; set; }
    public TimeSpan High { get; set; }
    public TimeSpan Moderate { get; set; }
    public TimeSpan Low { get; set; }

    public TimeSpan DelayFor(Severity severity) => severity switch
    {
        Severity.Critical => Critical,
        Severity.High => High,
        Severity.Moderate => Moderate,
        _ => Low,
    };
}
