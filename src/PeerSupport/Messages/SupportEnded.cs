namespace Haven.PeerSupport.Messages;

/// <summary>The requester or the supporter closed the support (or the requester withdrew it), with optional feedback.</summary>
public record SupportEnded(Guid RequestId, int? FeedbackRating, string? FeedbackComment, DateTimeOffset At);
