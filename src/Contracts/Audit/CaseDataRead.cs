using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Audit;

/// <summary>Someone read case data (v1): every read is recorded in the audit log.</summary>
/// <param name="InstitutionId">The institution whose data was read.</param>
/// <param name="CaseId">The case.</param>
/// <param name="ActorId">Who read it (user id, or "case-key" for an anonymous reporter).</param>
/// <param name="What">What was read, e.g. "case", "evidence", "referral-packet:platform".</param>
/// <param name="ReadAt">When.</param>
[MessageUrn("haven:audit:case-data-read:v1")]
public record CaseDataRead(string InstitutionId, Guid CaseId, string ActorId, string What, DateTimeOffset ReadAt) : IInstitutionMessage;
