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
    /// <summary>The pathway, e.g. <c>institution</c>, <c>platform</c>, <c>law-enforcement</c>, or <c>content-audit</c>.</summary>
    public required string Name { get; set; }

    /// <summary><c>open</c>, <c>requested</c>, <c>held-for-review</c> (a possible retaliation waits for a case manager) or <c>done</c>.</summary>
    public required string Status { get; set; }

    /// <summary>When the step opened (UTC).</summary>
    public DateTime OpenedAt { get; set; }

    /// <summary>When it is due (UTC); null when it has no deadline.</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>When it was done (UTC); null until then.</summary>
    public DateTime? CompletedAt { get; set; }
}

/// <summary>What happened to the case, when and by whom (never report text or evidence).</summary>
public sealed class TimelineEntry
{
    /// <summary>When it happened (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>What happened, e.g. <c>opened</c>, <c>escalated</c>, <c>acknowledged</c>, <c>note</c>, <c>resolved</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The user id of who did it, <c>reporter</c> for a reporter's reply; null for what Haven did itself.</summary>
    public string? Actor { get; set; }

    /// <summary>More about it, e.g. the note's text or <c>level 2, round 1</c>; null when there is nothing more.</summary>
    public string? Detail { get; set; }
}
