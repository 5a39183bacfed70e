namespace Haven.Audit.Chain;

/// <summary>An event as the chain records it: who, what, when, about which case, and the event itself.</summary>
/// <param name="InstitutionId">Whose chain (platform events go to <see cref="AuditChain.PlatformChain"/>).</param>
/// <param name="EventId">The message id.</param>
/// <param name="Type">The message URN.</param>
/// <param name="Payload">The event as canonical JSON.</param>
public sealed record AuditRecord(string InstitutionId, Guid EventId, string Type, DateTimeOffset OccurredAt, string? Actor,
    string? SubjectRef, Guid? CaseId, string Payload);
