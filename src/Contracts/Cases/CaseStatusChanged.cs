using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Cases;

/// <summary>A case moved to another status (v1). Anonymous reporters see this status through their case key.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="InstitutionId">Its institution.</param>
/// <param name="Status">The new status.</param>
/// <param name="ActorId">Who moved it (a user id), or null when Haven did (triage, timers).</param>
/// <param name="ChangedAt">When.</param>
[MessageUrn("haven:cases:case-status-changed:v1")]
public record CaseStatusChanged(Guid CaseId, string InstitutionId, CaseStatus Status, string? ActorId, DateTimeOffset ChangedAt) : IInstitutionMessage;
