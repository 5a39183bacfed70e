namespace Haven.Escalation.Commands;

/// <summary>The case manager starts the institution's review.</summary>
public record StartCaseReview(Guid CaseId, string ActorId);
