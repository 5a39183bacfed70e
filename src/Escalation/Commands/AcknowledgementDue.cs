namespace Haven.Escalation.Commands;

/// <summary>The acknowledgement deadline of the current level passed.</summary>
public record AcknowledgementDue(Guid CaseId);
