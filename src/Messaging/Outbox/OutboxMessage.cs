namespace Haven.Messaging.Outbox;

/// <summary>
/// A message sent or published inside a unit of work, stored in its transaction: by a consumer (keyed by the inbox
/// message and consumer) or by an HTTP request through the bus outbox (keyed by <see cref="OutboxId"/>).
/// </summary>
public sealed class OutboxMessage : StoredMessage
{
    public DateTime? EnqueueTime { get; set; }
    public Guid? InboxMessageId { get; set; }
    public Guid? InboxConsumerId { get; set; }
    public Guid? OutboxId { get; set; }
}
