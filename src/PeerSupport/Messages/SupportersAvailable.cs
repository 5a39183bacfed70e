using Haven.Contracts.Tenancy;
namespace Haven.PeerSupport.Messages;

/// <summary>
/// A network may have room for a request nobody could take: a supporter registered, resumed, or changed their
/// profile, or a support ended (internal to peer support). Unmatched requests of the network try again.
/// </summary>
public record SupportersAvailable(string NetworkId, DateTimeOffset At) : INetworkMessage;
