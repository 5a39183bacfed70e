using Haven.Contracts.Reports;
using Haven.Escalation.Policies;
using Haven.Messaging.Tenancy;
using MassTransit;

namespace Haven.Escalation.StateMachines;

/// <summary>A case: the saga's state and the case managers' read model in one row.</summary>
public sealed class CaseState : SagaStateMachineInstance, ITenantOwned
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";

    public string InstitutionId { get; set; } = "";
    public string? NetworkId { get; set; }
    public Track Track { get; set; }
    public Severity Severity { get; set; }
    public List<ReportCategory> Categories { get; set; } = [];
    public List<Pathway> Pathways { get; set; } = [];
    public string? SubjectDigest { get; set; }
    public bool PossibleRetaliation { get; set; }
    public string? RetaliationReason { get; set; }
    public bool PeerSupportWanted { get; set; }
    public int ReportCount { get; set; }

    public DateTime OpenedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The institution's ladder as it was when the case opened; later edits apply to new cases.</summary>
    public List<EscalationLevel> Levels { get; set; } = [];
    public int Repeats { get; set; }

    /// <summary>The level told last (1-based) and the pass through the ladder (1-based).</summary>
    public int Level { get; set; }
    public int Round { get; set; }
    public DateTime? AcknowledgementDueAt { get; set; }
    public Guid? AcknowledgementDeadlineTokenId { get; set; }
    public bool Overdue { get; set; }

    public string? AcknowledgedBy { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public DateTime? ResolutionDueAt { get; set; }
    public Guid? ResolutionReminderTokenId { get; set; }
    public DateTime? ContentAuditDueAt { get; set; }
    public string? ContentAuditOutcome { get; set; }
    public DateTime? ClosedAt { get; set; }

    public List<CaseStep> Steps { get; set; } = [];
    public List<TimelineEntry> Timeline { get; set; } = [];
}

/// <summary>A pathway of the case (a referral, a notice, the content audit) and where it stands.</summary>
public sealed class CaseStep
{
    public required string Name { get; set; }
    public required string Status { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

/// <summary>What happened to the case, when and by whom (never report text or evidence).</summary>
public sealed class TimelineEntry
{
    public DateTime At { get; set; }
    public required string Kind { get; set; }
    public string? Actor { get; set; }
    public string? Detail { get; set; }
}
