using Haven.Messaging.Tenancy;
namespace Haven.PeerSupport.Model;

/// <summary>A network lead's tuning of the support journey for their network (else <see cref="PeerSupportOptions"/>).</summary>
public sealed class NetworkSettings : INetworkOwned
{
    public required string NetworkId { get; set; }
    public TimeSpan OfferDeadline { get; set; }
    public TimeSpan UrgentOfferDeadline { get; set; }
    public int RefusalsBeforeLeadIsTold { get; set; }
    public TimeSpan FirstCheckIn { get; set; }
    public TimeSpan SecondCheckIn { get; set; }

    public static NetworkSettings From(string networkId, PeerSupportOptions options) => new()
    {
        NetworkId = networkId,
        OfferDeadline = options.OfferDeadline,
        UrgentOfferDeadline = options.UrgentOfferDeadline,
        RefusalsBeforeLeadIsTold = options.RefusalsBeforeLeadIsTold,
        FirstCheckIn = options.FirstCheckIn,
        SecondCheckIn = options.SecondCheckIn,
    };
}
