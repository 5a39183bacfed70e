using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.PeerSupport;

/// <summary>
/// A target asked the network to post supportive messages (v1), for the notification service to tell the opted-in
/// supporters. It never carries the abusive content, nor a link to it: supporters open the request in Haven, which
/// holds only what the target wants amplified.
/// </summary>
/// <param name="AmplificationId">The request (idempotency key).</param>
/// <param name="NetworkId">The coalition network.</param>
/// <param name="Recipients">The supporters who opted in to amplification.</param>
/// <param name="RequestedAt">When.</param>
[MessageUrn("haven:peer-support:amplification-requested:v1")]
public record AmplificationRequested(Guid AmplificationId, string NetworkId, IReadOnlyList<SupporterAddress> Recipients,
    DateTimeOffset RequestedAt) : INetworkMessage;
