using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.PeerSupport;

/// <summary>
/// A supporter accepted a request (v1). Carries only that a match happened (the confidentiality wall): no
/// supporter, no hand-off, nothing of the conversation. Audit logs it; the case flow may mark its step done.
/// </summary>
/// <param name="RequestId">The support request.</param>
/// <param name="CaseId">The track-A case it came from; null for self- and colleague referrals.</param>
/// <param name="InstitutionId">The requester's institution.</param>
/// <param name="NetworkId">The coalition network.</param>
/// <param name="MatchedAt">When the supporter accepted.</param>
[MessageUrn("haven:peer-support:supporter-matched:v1")]
public record SupporterMatched(Guid RequestId, Guid? CaseId, string InstitutionId, string NetworkId, DateTimeOffset MatchedAt) : IInstitutionMessage, INetworkMessage;
