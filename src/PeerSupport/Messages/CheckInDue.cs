namespace Haven.PeerSupport.Messages;

/// <summary>Scheduled on acceptance: check-in 1 (day 3) or 2 (week 2) fell due.</summary>
public record CheckInDue(Guid RequestId, int CheckIn);
