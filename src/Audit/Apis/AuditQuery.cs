namespace Haven.Audit.Apis;

/// <summary>Filters of the entries and export routes; all optional, combined with AND.</summary>
public sealed record AuditQuery(Guid? CaseId, string? Actor, string? Type, DateTimeOffset? From, DateTimeOffset? To,
    long? AfterSequence, int? Limit);
