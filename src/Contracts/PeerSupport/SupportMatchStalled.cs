using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.PeerSupport;

/// <summary>
/// A request keeps going unanswered (v1): tell the network's lead (role <c>network-lead</c> of the network), who can
/// recruit or reach out personally. Sent once the configured number of refusals or expired offers is reached, and
/// when nobody eligible is left.
/// </summary>
/// <param name="RequestId">The support request.</param>
/// <param name="NetworkId">The network whose lead is told.</param>
/// <param name="Refusals">Offers declined or left to expire so far.</param>
/// <param name="NoSupporterLeft">True when no eligible supporter remains: the request waits for the lead.</param>
/// <param name="Urgent">Threats or doxxing behind it.</param>
/// <param name="StalledAt">When.</param>
[MessageUrn("haven:peer-support:support-match-stalled:v1")]
public record SupportMatchStalled(Guid RequestId, string NetworkId, int Refusals, bool NoSupporterLeft, bool Urgent, DateTimeOffset StalledAt) : INetworkMessage;
