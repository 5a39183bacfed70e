using Haven.Notification.Data;
using Haven.Notification.Messages;
using Haven.Notification.Partners;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Consumers;

/// <summary>
/// Fans the institution's case events out to the webhook endpoints subscribed to them, as <see cref="PartnerEvent"/>s.
/// </summary>
public sealed class WebhookEventConsumer(NotificationDbContext db, TimeProvider clock) : PartnerEventConsumer
{
    protected override async Task FanOut(ConsumeContext context, PartnerEvent partnerEvent)
    {
        var (institutionId, caseId, type) = (partnerEvent.InstitutionId, partnerEvent.CaseId, partnerEvent.Type);
        // The institution's own subscriptions: the consumer works in the scope of the institution its event names.
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.Enabled && s.EventTypes.Contains(type))
            .Select(s => s.Id).ToListAsync(context.CancellationToken);
        if (subscriptions.Count == 0)
        {
            return;
        }
        var body = partnerEvent.ToJson();
        var now = clock.GetUtcNow();
        foreach (var subscription in subscriptions)
        {
            var delivery = new WebhookDelivery
            {
                Id = NewId.NextGuid(), InstitutionId = institutionId, SubscriptionId = subscription, EventId = partnerEvent.Id, EventType = type,
                CaseId = caseId, Body = body, State = Contracts.Notifications.DeliveryState.Queued, CreatedAt = now, NextAttemptAt = now,
            };
            db.WebhookDeliveries.Add(delivery);
            await context.Publish(new DeliverWebhook(delivery.Id, delivery.InstitutionId));
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
