namespace Haven.PeerSupport.Messages;

/// <summary>Scheduled with an offer: the supporter did not answer in time.</summary>
public record OfferExpired(Guid RequestId, Guid SupporterId);
