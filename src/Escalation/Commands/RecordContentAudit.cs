namespace Haven.Escalation.Commands;

/// <summary>Track B: what the individual's and the employer's content audit found.</summary>
public record RecordContentAudit(Guid CaseId, string ActorId, string Outcome);
