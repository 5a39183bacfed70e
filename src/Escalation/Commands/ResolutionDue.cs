namespace Haven.Escalation.Commands;

/// <summary>The resolution deadline of an acknowledged case passed: remind its case managers.</summary>
public record ResolutionDue(Guid CaseId);
