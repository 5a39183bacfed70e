using Haven.Messaging.Tenancy;
namespace Haven.PeerSupport.Model;

/// <summary>
/// A target's request that the network post supportive messages. It holds only what the target wants
/// amplified (their own post or profile, a message): there is deliberately no place for the abusive content.
/// </summary>
public sealed class Amplification : INetworkOwned
{
    public Guid Id { get; set; }
    public required string NetworkId { get; set; }
    public required string InstitutionId { get; set; }
    public required string RequesterDigest { get; set; }
    public required string Platform { get; set; }
    public required string SupportUrl { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
