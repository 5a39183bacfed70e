using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Cases;

/// <summary>Every level and every repeat passed without acknowledgement; the network lead is told (v1).</summary>
[MessageUrn("haven:cases:case-overdue:v1")]
public record CaseOverdue(Guid CaseId, string InstitutionId, string? NetworkId, DateTimeOffset OverdueAt) : IInstitutionMessage;
