using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Scheduling;

/// <summary>
/// The service's scheduler endpoint: MassTransit's <c>Schedule(...)</c>, <c>ScheduleSend</c> and scheduled redelivery
/// send it <see cref="ScheduleMessage"/>, which it stores in the service's database for
/// <see cref="ScheduledMessageDispatcher{TDbContext}"/>; <c>Unschedule(...)</c> sends <see cref="CancelScheduledMessage"/>.
/// It runs behind the inbox, so the row commits exactly once with the message that asked for it.
/// </summary>
public sealed class ScheduleMessageConsumer<TDbContext>(TDbContext db, TimeProvider clock) : IConsumer<ScheduleMessage>,
    IConsumer<CancelScheduledMessage> where TDbContext : DbContext
{
    public async Task Consume(ConsumeContext<ScheduleMessage> context)
    {
        var schedule = context.Message;
        // A token seen before is a duplicate, or was cancelled before its schedule arrived: either way, nothing to do.
        if (await db.Set<ScheduledMessageRow>().AnyAsync(m => m.TokenId == schedule.CorrelationId, context.CancellationToken))
        {
            return;
        }

        // The payload as the envelope it will be sent in, with the headers of the request (redelivery counts and the like).
        var body = context.SerializerContext.GetMessageSerializer(schedule.Payload, schedule.PayloadType)
            .GetMessageBody(new MessageSendContext<ScheduleMessage>(schedule, context.CancellationToken));
        db.Add(new ScheduledMessageRow
        {
            TokenId = schedule.CorrelationId,
            DueTime = Utc(schedule.ScheduledTime),
            MessageId = context.MessageId ?? NewId.NextGuid(),
            ContentType = context.ReceiveContext.ContentType?.ToString() ?? "application/vnd.masstransit+json",
            MessageType = string.Join(";", schedule.PayloadType),
            Body = body.GetString(),
            Headers = context.SerializerContext.SerializeDictionary(context.Headers.GetAll()),
            SentTime = clock.GetUtcNow().UtcDateTime,
            ConversationId = context.ConversationId,
            CorrelationId = context.CorrelationId,
            InitiatorId = context.InitiatorId,
            RequestId = context.RequestId,
            SourceAddress = context.SourceAddress,
            DestinationAddress = schedule.Destination,
            ResponseAddress = context.ResponseAddress,
            FaultAddress = context.FaultAddress,
            ExpirationTime = context.ExpirationTime,
        });
        await db.SaveChangesAsync(context.CancellationToken);
        await ScheduledMessageDispatcher<TDbContext>.NotifyOnCommit(db, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CancelScheduledMessage> context)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var scheduled = await db.Set<ScheduledMessageRow>().FindAsync([context.Message.TokenId], context.CancellationToken);
        if (scheduled is null)
        {
            // The cancellation overtook its schedule: remember the token so the schedule is dropped when it arrives.
            db.Add(new ScheduledMessageRow
            {
                TokenId = context.Message.TokenId,
                DueTime = now,
                Cancelled = now,
                ContentType = "",
                MessageType = "",
                Body = "",
            });
        }
        else if (scheduled is { Sent: null, Cancelled: null })
        {
            scheduled.Cancelled = now;
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }

    private static DateTime Utc(DateTime time) =>
        time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime();
}
