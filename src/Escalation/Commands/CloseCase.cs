namespace Haven.Escalation.Commands;

/// <summary>The case ends, resolved or dismissed.</summary>
public record CloseCase(Guid CaseId, string ActorId, CaseOutcome Outcome, string? Note);
