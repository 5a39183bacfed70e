namespace Haven.Escalation.Commands;

/// <summary>A note on the case (motivation, insight, decisions), by a case manager.</summary>
public record AddCaseNote(Guid CaseId, string ActorId, string Text);
