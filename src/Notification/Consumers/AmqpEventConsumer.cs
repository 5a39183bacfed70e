using Haven.Notification.Amqp;
using Haven.Notification.Data;
using Haven.Notification.Messages;
using Haven.Notification.Partners;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Consumers;

/// <summary>
/// Sends the institution's case events to the partners' exchange when any AMQP subscription of the institution takes
/// their type; the broker's bindings then route each to exactly the queues subscribed to it. Through the outbox: the
/// event is passed on if and only if it is consumed.
/// </summary>
public sealed class AmqpEventConsumer(NotificationDbContext db) : PartnerEventConsumer
{
    protected override async Task FanOut(ConsumeContext context, PartnerEvent partnerEvent)
    {
        var (institutionId, type) = (partnerEvent.InstitutionId, partnerEvent.Type);
        if (await db.AmqpSubscriptions
                .AnyAsync(s => s.RevokedAt == null && s.EventTypes.Contains(type), context.CancellationToken))
        {
            await context.Publish(new DeliverAmqpEvent(partnerEvent.Id, AmqpTopology.RoutingKey(institutionId, type), partnerEvent.ToJson()));
        }
    }
}
