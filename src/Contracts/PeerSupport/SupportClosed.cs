using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.PeerSupport;

/// <summary>A support ended (v1): only that it did, never how it went, the feedback or any note (the confidentiality wall).</summary>
/// <param name="RequestId">The support request.</param>
/// <param name="CaseId">The track-A case it came from; null for self- and colleague referrals.</param>
/// <param name="InstitutionId">The requester's institution.</param>
/// <param name="NetworkId">The coalition network.</param>
/// <param name="ClosedAt">When.</param>
[MessageUrn("haven:peer-support:support-closed:v1")]
public record SupportClosed(Guid RequestId, Guid? CaseId, string InstitutionId, string NetworkId, DateTimeOffset ClosedAt) : IInstitutionMessage, INetworkMessage;
