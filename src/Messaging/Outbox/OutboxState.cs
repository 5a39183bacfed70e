namespace Haven.Messaging.Outbox;

/// <summary>The messages one unit of work outside a consumer (an HTTP request) wrote to the outbox, delivered together.</summary>
public sealed class OutboxState
{
    public Guid OutboxId { get; set; }
    public Guid LockId { get; set; }
    public DateTime Created { get; set; }
    public DateTime? Delivered { get; set; }
    public long? LastSequenceNumber { get; set; }
}
