namespace Haven.PeerSupport.Messages;

/// <summary>The supporter made first contact ("touching base").</summary>
public record TouchedBase(Guid RequestId, Guid SupporterId, DateTimeOffset At);
