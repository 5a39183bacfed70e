using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Outbox;

/// <summary>
/// What a consumer sees inside the inbox: its sends and publishes become outbox rows in the same transaction as its
/// state change, and MassTransit's outbox pipe delivers them once that transaction has committed.
/// </summary>
internal sealed class InboxConsumeContext<TDbContext, TMessage>(ConsumeContext<TMessage> context, OutboxConsumeOptions options,
    IServiceProvider provider, TDbContext db, InboxState inbox)
    : OutboxConsumeContextProxy<TMessage>(context, options, provider)
    where TDbContext : DbContext
    where TMessage : class
{
    public override Guid? MessageId => inbox.MessageId;
    public override bool ContinueProcessing { get; set; } = true;
    public override bool IsMessageConsumed => inbox.Consumed.HasValue;
    public override bool IsOutboxDelivered => inbox.Delivered.HasValue;
    public override int ReceiveCount => inbox.ReceiveCount;
    public override long? LastSequenceNumber => inbox.LastSequenceNumber;

    public override async Task SetConsumed()
    {
        inbox.Consumed = DateTime.UtcNow;
        await db.SaveChangesAsync(CancellationToken);
    }

    public override async Task SetDelivered()
    {
        inbox.Delivered = DateTime.UtcNow;
        await db.SaveChangesAsync(CancellationToken);
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

    public override Task RemoveOutboxMessages() => db.Set<OutboxMessage>()
        .Where(m => m.InboxMessageId == inbox.MessageId && m.InboxConsumerId == ConsumerId)
        .ExecuteDeleteAsync(CancellationToken);

    public override Task AddSend<T>(SendContext<T> context)
    {
        db.Set<OutboxMessage>().AddSend(context, SerializerContext, inbox.MessageId, ConsumerId);
        return Task.CompletedTask;
    }
}
