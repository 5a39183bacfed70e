using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;
using Haven.Notification.Data;
using Haven.Notification.Delivery;
using Haven.Notification.Templates;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Consumers;

/// <summary>
/// Renders a status update for a case's anonymous reporters from the institution's template and hands it to intake,
/// which keeps their case-key inbox (only intake can check a case key). The delivery is "sent" at that hand-off: the
/// outbox and intake's inbox make sure it lands once.
/// </summary>
public sealed class NotifyCaseKeyHoldersConsumer(NotificationDbContext db, TemplateStore templates, NotificationOptions options,
    TimeProvider clock, ILogger<NotifyCaseKeyHoldersConsumer> logger) : IConsumer<NotifyCaseKeyHolders>
{
    public async Task Consume(ConsumeContext<NotifyCaseKeyHolders> context)
    {
        var command = context.Message;
        if (await db.Deliveries.AnyAsync(d => d.NotificationId == command.NotificationId, context.CancellationToken))
        {
            return;
        }

        var template = await templates.ForAsync(NotificationKind.StatusUpdate, context.CancellationToken);
        // Nobody's name: the reporter is anonymous. The severity is the staff's business, not the template's to show here.
        var model = new TemplateModel(command.CaseId, NotificationKind.StatusUpdate, Severity.Low, FollowUpLink, RecipientName: "",
            command.InstitutionId, command.Status);
        var rendered = TemplateRenderer.Render(template.Subject, template.Body, model);
        var now = clock.GetUtcNow();
        var delivery = new Data.Delivery
        {
            Id = NewId.NextGuid(), InstitutionId = command.InstitutionId, NotificationId = command.NotificationId, CaseId = command.CaseId,
            Kind = NotificationKind.StatusUpdate, Severity = Severity.Low, Channel = NotificationChannel.CaseKeyInbox, PersonId = null,
            State = DeliveryState.Sent, Attempts = 1, CreatedAt = now, UpdatedAt = now,
        };
        db.Deliveries.Add(delivery);
        await context.Publish(new CaseKeyNoticeRendered(delivery.Id, command.NotificationId, command.CaseId, command.InstitutionId,
            rendered.Subject, rendered.Body, now));
        await context.Publish(DeliveryEvents.Changed(delivery, now));
        await db.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Status update {NotificationId} of case {CaseId} of {InstitutionId} sent to the case-key inbox",
            command.NotificationId, command.CaseId, command.InstitutionId);
    }

    private string FollowUpLink => $"{options.PublicBaseUrl.TrimEnd('/')}/follow-up";
}
