using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Cases;

/// <summary>Nobody acknowledged in time, so the next level of the institution's policy was told (v1).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="InstitutionId">Its institution.</param>
/// <param name="Level">The level now told, from 1.</param>
/// <param name="Round">Which pass through the policy (it repeats before the case is overdue), from 1.</param>
/// <param name="Roles">The roles of that level.</param>
/// <param name="EscalatedAt">When.</param>
[MessageUrn("haven:cases:case-escalated:v1")]
public record CaseEscalated(Guid CaseId, string InstitutionId, int Level, int Round, IReadOnlyList<string> Roles, DateTimeOffset EscalatedAt) : IInstitutionMessage;
