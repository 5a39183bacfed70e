using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Notification.Data;
using Haven.Notification.Messages;
using Haven.Notification.Webhooks;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Consumers;

/// <summary>
/// Fans the institution's case events out to the partner systems subscribed to them. The CloudEvent carries
/// identifiers, categories and states only — never report text, evidence or who the subject is.
/// </summary>
public sealed class WebhookEventConsumer(NotificationDbContext db, TimeProvider clock) :
    IConsumer<ReportSubmitted>,
    IConsumer<ReportWithdrawn>,
    IConsumer<CaseStatusChanged>,
    IConsumer<CaseEscalated>,
    IConsumer<CaseOverdue>
{
    public Task Consume(ConsumeContext<ReportSubmitted> context)
    {
        var m = context.Message;
        return FanOut(context, m.InstitutionId, m.CaseId, m.SubmittedAt, new
        {
            m.ReportId, m.CaseId, m.OpensCase, m.Track, m.Categories, m.Severity, m.Pathways, m.PossibleRetaliation,
            m.SubmittedAt,
        });
    }

    public Task Consume(ConsumeContext<ReportWithdrawn> context)
    {
        var m = context.Message;
        return FanOut(context, m.InstitutionId, m.CaseId, m.WithdrawnAt, new { m.ReportId, m.CaseId, m.WithdrawnAt });
    }

    public Task Consume(ConsumeContext<CaseStatusChanged> context)
    {
        var m = context.Message;
        return FanOut(context, m.InstitutionId, m.CaseId, m.ChangedAt, new { m.CaseId, m.Status, m.ChangedAt });
    }

    public Task Consume(ConsumeContext<CaseEscalated> context)
    {
        var m = context.Message;
        return FanOut(context, m.InstitutionId, m.CaseId, m.EscalatedAt, new { m.CaseId, m.Level, m.Round, m.Roles, m.EscalatedAt });
    }

    public Task Consume(ConsumeContext<CaseOverdue> context)
    {
        var m = context.Message;
        return FanOut(context, m.InstitutionId, m.CaseId, m.OverdueAt, new { m.CaseId, m.OverdueAt });
    }

    private async Task FanOut<T>(ConsumeContext<T> context, string institutionId, Guid caseId, DateTimeOffset time, object data)
        where T : class
    {
        var type = WebhookEventTypes.For<T>();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.Enabled && s.EventTypes.Contains(type))
            .Select(s => s.Id).ToListAsync(context.CancellationToken);
        if (subscriptions.Count == 0)
        {
            return;
        }
        // The event id is the message id: the same on every attempt and replay, so receivers can drop duplicates.
        var eventId = context.MessageId ?? NewId.NextGuid();
        var body = CloudEvent.Create(eventId, institutionId, type, $"cases/{caseId}", time, data).ToJson();
        var now = clock.GetUtcNow();
        foreach (var subscription in subscriptions)
        {
            var delivery = new WebhookDelivery
            {
                Id = NewId.NextGuid(), InstitutionId = institutionId, SubscriptionId = subscription, EventId = eventId, EventType = type,
                CaseId = caseId, Body = body, State = Contracts.Notifications.DeliveryState.Queued, CreatedAt = now, NextAttemptAt = now,
            };
            db.WebhookDeliveries.Add(delivery);
            await context.Publish(new DeliverWebhook(delivery.Id, delivery.InstitutionId));
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
