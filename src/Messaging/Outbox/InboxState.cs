namespace Haven.Messaging.Outbox;

/// <summary>One message as received by one consumer: the row the inbox locks so the message is consumed once.</summary>
public sealed class InboxState
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public Guid ConsumerId { get; set; }
    public Guid LockId { get; set; }
    public DateTime Received { get; set; }
    public int ReceiveCount { get; set; }
    public DateTime? ExpirationTime { get; set; }
    public DateTime? Consumed { get; set; }
    public DateTime? Delivered { get; set; }
    public long? LastSequenceNumber { get; set; }
}
