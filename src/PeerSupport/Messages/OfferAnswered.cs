namespace Haven.PeerSupport.Messages;

/// <summary>The supporter offered a request accepted or declined it.</summary>
public record OfferAnswered(Guid RequestId, Guid SupporterId, bool Accepted, DateTimeOffset AnsweredAt);
