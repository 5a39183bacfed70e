using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Outbox;

/// <summary>
/// What a consumer sees inside the inbox: its sends and publishes become outbox rows in the same transaction as its
/// state change and the inbox row. Once that transaction has committed they are sent, and then removed.
/// </summary>
internal sealed class InboxConsumeContext<TDbContext, TMessage>(ConsumeContext<TMessage> context, OutboxConsumeOptions options,
    IServiceProvider provider, TDbContext db, InboxState inbox)
    : OutboxConsumeContextProxy<TMessage>(context, options, provider)
    where TDbContext : DbContext
    where TMessage : class
{
    private readonly List<OutboxMessage> _stored = [];
    // Set when this attempt consumed the message and sent nothing: there are no rows to remove afterwards.
    private bool _nothingStored;

    public override Guid? MessageId => inbox.MessageId;
    public override bool ContinueProcessing { get; set; } = true;
    public override bool IsMessageConsumed => inbox.Consumed.HasValue;
    public override bool IsOutboxDelivered => inbox.Delivered.HasValue;
    public override int ReceiveCount => inbox.ReceiveCount;
    public override long? LastSequenceNumber => inbox.LastSequenceNumber;

    // Saved by the inbox with the consumer's own changes, in the same round trip.
    public override Task SetConsumed()
    {
        inbox.Consumed = DateTime.UtcNow;
        lock (_stored)
        {
            if (_stored.Count == 0)
            {
                // Nothing to send, so nothing left to do once this commits.
                inbox.Delivered = inbox.Consumed;
                _nothingStored = true;
            }
        }
        return Task.CompletedTask;
    }

    public override Task SetDelivered()
    {
        inbox.Delivered = DateTime.UtcNow;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends what the consumer stored, after its transaction committed: in order to each destination, while the
    /// destinations do not wait on one another's broker confirms.
    /// </summary>
    public async Task DeliverCommittedMessages()
    {
        if (_stored.Count == 0 || IsOutboxDelivered)
        {
            return;
        }
        foreach (var message in _stored)
        {
            message.Deserialize(SerializerContext);
        }
        await CapturedContext.SendInOrderPerDestination(_stored, CancellationToken);
        inbox.LastSequenceNumber = _stored.Max(m => m.SequenceNumber);
        inbox.Delivered = DateTime.UtcNow;
    }

    public override async Task<List<OutboxMessageContext>> LoadOutboxMessages()
    {
        var lastSequenceNumber = LastSequenceNumber ?? 0;
        var messages = await db.Set<OutboxMessage>()
            .Where(m => m.InboxMessageId == inbox.MessageId && m.InboxConsumerId == ConsumerId && m.SequenceNumber > lastSequenceNumber)
            .OrderBy(m => m.SequenceNumber)
            .Take(Options.MessageDeliveryLimit + 1)
            .AsNoTracking()
            .ToListAsync(CancellationToken);
        foreach (var message in messages)
        {
            message.Deserialize(SerializerContext);
        }
        return [.. messages];
    }

    public override Task NotifyOutboxMessageDelivered(OutboxMessageContext message)
    {
        inbox.LastSequenceNumber = message.SequenceNumber;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Removes the sent rows and records the delivery, in one round trip. If that is lost, a redelivery of the message
    /// finds it consumed, sends what is left (again: the receivers' inboxes drop the duplicates) and tries again.
    /// </summary>
    public override Task RemoveOutboxMessages() => _nothingStored
        ? Task.CompletedTask
        : db.Database.ExecuteSqlAsync($"""
            DELETE FROM outbox_message WHERE "InboxMessageId" = {inbox.MessageId} AND "InboxConsumerId" = {ConsumerId};
            UPDATE inbox_state SET "Delivered" = {inbox.Delivered ?? DateTime.UtcNow}, "LastSequenceNumber" = {inbox.LastSequenceNumber}
            WHERE "Id" = {inbox.Id};
            """, CancellationToken);

    public override Task AddSend<T>(SendContext<T> context)
    {
        var message = db.Set<OutboxMessage>().AddSend(context, SerializerContext, inbox.MessageId, ConsumerId);
        lock (_stored)
        {
            _stored.Add(message);
        }
        return Task.CompletedTask;
    }
}
