using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.PeerSupport;

/// <summary>A track-A target consented to peer support: find them a supporter from the coalition (v1).</summary>
/// <param name="RequestId">Idempotency key.</param>
/// <param name="CaseId">The case it comes from (the support itself never flows back to it).</param>
/// <param name="InstitutionId">The target's institution.</param>
/// <param name="NetworkId">The coalition network to match in.</param>
/// <param name="TargetDigest">The target, pseudonymously.</param>
/// <param name="Urgent">Threats or doxxing: match at once.</param>
/// <param name="RequestedAt">When.</param>
[MessageUrn("haven:peer-support:request-peer-support:v1")]
public record RequestPeerSupport(Guid RequestId, Guid CaseId, string InstitutionId, string? NetworkId, string TargetDigest,
    bool Urgent, DateTimeOffset RequestedAt) : IInstitutionMessage, INetworkMessage;
