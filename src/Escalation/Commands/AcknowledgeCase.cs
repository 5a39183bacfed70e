// Internal to the escalation service: the API asks the case saga to act through the outbox,
// so a 202 means the request is stored and will reach the saga.

namespace Haven.Escalation.Commands;

/// <summary>A case manager takes the case: the climb stops.</summary>
public record AcknowledgeCase(Guid CaseId, string ActorId);
