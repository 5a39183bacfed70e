namespace Haven.Audit.Apis;

/// <summary>Filters of the entries and export routes; all optional, combined with AND.</summary>
/// <param name="CaseId">Only the entries about this case.</param>
/// <param name="Actor">Only the entries of this actor: a user id, or <c>case-key</c> for reporters.</param>
/// <param name="Type">Only entries of this event contract, e.g. <c>haven:reports:report-submitted:v1</c>.</param>
/// <param name="From">Only events that occurred at or after this time.</param>
/// <param name="To">Only events that occurred before this time.</param>
/// <param name="AfterSequence">Only entries after this sequence: pass the last one read to page on.</param>
/// <param name="Limit">How many entries at most (1 to 1000, default 100); the export ignores it and streams all.</param>
public sealed record AuditQuery(Guid? CaseId, string? Actor, string? Type, DateTimeOffset? From, DateTimeOffset? To,
    long? AfterSequence, int? Limit);
