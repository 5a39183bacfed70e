using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Messaging.Tenancy;

namespace Haven.Intake.Data;

/// <summary>
/// Intake's own view of a case: enough to join duplicates, flag retaliation and answer anonymous follow-up.
/// The status comes from the escalation service's <see cref="CaseStatusChanged"/> events.
/// </summary>
public sealed class IntakeCase : ITenantOwned
{
    public Guid Id { get; set; }
    public required string InstitutionId { get; set; }
    public Track Track { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.Received;
    public DateTimeOffset StatusChangedAt { get; set; }
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>False while every report of the case is held until corroborated: the escalation service does not know it yet.</summary>
    public bool Published { get; set; }

    public static readonly CaseStatus[] Closed = [CaseStatus.Resolved, CaseStatus.Dismissed, CaseStatus.Withdrawn];
}
