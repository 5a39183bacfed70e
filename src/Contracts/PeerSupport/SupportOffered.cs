using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.PeerSupport;

/// <summary>
/// A supporter was offered a request and should answer before <paramref name="RespondBy"/> (v1), for the
/// notification service to reach them. It names the supporter only: who asked, and why, stay in peer support.
/// </summary>
/// <param name="RequestId">The support request (the supporter opens it in Haven to see the hand-off once they accept).</param>
/// <param name="Supporter">Who to tell.</param>
/// <param name="NetworkId">The coalition network.</param>
/// <param name="Urgent">Threats or doxxing behind it: bypass quiet hours.</param>
/// <param name="RespondBy">After this the request goes to someone else.</param>
[MessageUrn("haven:peer-support:support-offered:v1")]
public record SupportOffered(Guid RequestId, SupporterAddress Supporter, string NetworkId, bool Urgent, DateTimeOffset RespondBy) : INetworkMessage;
