using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;
using Haven.Notification.Data;
using Haven.Notification.Delivery;
using Haven.Notification.Messages;
using Haven.Notification.Templates;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Consumers;

/// <summary>
/// Resolves a notification's roles to people of the institution's directory — never the case's subject — and the
/// subject, when asked, by their digest alone; then writes inbox items and queues emails (held over quiet hours unless
/// critical). Everything commits with the inbox row, so a redelivered command changes nothing.
/// </summary>
public sealed class NotifyRecipientsConsumer(NotificationDbContext db, TemplateStore templates, NotificationOptions options,
    TimeProvider clock, ILogger<NotifyRecipientsConsumer> logger) : IConsumer<NotifyRecipients>
{
    public async Task Consume(ConsumeContext<NotifyRecipients> context)
    {
        var command = context.Message;
        // The notification id is the command's idempotency key, also across message ids (a resend by the saga).
        if (await db.Deliveries.AnyAsync(d => d.NotificationId == command.NotificationId, context.CancellationToken))
        {
            return;
        }

        var recipients = await Resolve(command, context.CancellationToken);
        if (recipients.Count == 0)
        {
            logger.LogWarning("Notification {NotificationId} of case {CaseId} resolved to nobody in {InstitutionId}'s directory",
                command.NotificationId, command.CaseId, command.InstitutionId);
            return;
        }

        var template = await templates.ForAsync(command.Kind, context.CancellationToken);
        var now = clock.GetUtcNow();
        foreach (var person in recipients)
        {
            var model = new TemplateModel(command.CaseId, command.Kind, command.Severity, Link(command.CaseId), person.DisplayName,
                command.InstitutionId);
            var rendered = TemplateRenderer.Render(template.Subject, template.Body, model);
            if (person.Channels.Contains(NotificationChannel.Inbox))
            {
                await DeliverToInbox(context, command, person, rendered, now);
            }
            if (person.Channels.Contains(NotificationChannel.Email) && EmailPolicy.Wants(person, command.Kind, command.Severity))
            {
                await QueueEmail(context, command, person, now);
            }
        }
        await db.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Notification {NotificationId} of case {CaseId} goes to {Count} people", command.NotificationId,
            command.CaseId, recipients.Count);
    }

    private async Task<List<Person>> Resolve(NotifyRecipients command, CancellationToken cancellationToken)
    {
        var roles = command.Roles.ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => p.Roles.Any(r => roles.Contains(r)) || (command.ToSubject && p.Digest == command.SubjectDigest))
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        // A subject is reached only as the subject, never through a role they hold (conflict of interest).
        return [.. people.Where(p => p.Digest != command.SubjectDigest || command.ToSubject)];
    }

    private async Task DeliverToInbox(ConsumeContext context, NotifyRecipients command, Person person, RenderedNotification rendered,
        DateTimeOffset now)
    {
        db.InboxItems.Add(new InboxItem
        {
            Id = NewId.NextGuid(), InstitutionId = command.InstitutionId, UserId = person.UserId, NotificationId = command.NotificationId,
            CaseId = command.CaseId, Kind = command.Kind, Severity = command.Severity, Title = rendered.Subject, Body = rendered.Body,
            Link = Link(command.CaseId), CreatedAt = now,
        });
        var delivery = NewDelivery(command, person, NotificationChannel.Inbox, DeliveryState.Delivered, now);
        delivery.Attempts = 1;
        db.Deliveries.Add(delivery);
        await context.Publish(DeliveryEvents.Changed(delivery, now));
    }

    private async Task QueueEmail(ConsumeContext context, NotifyRecipients command, Person person, DateTimeOffset now)
    {
        var delivery = NewDelivery(command, person, NotificationChannel.Email, DeliveryState.Queued, now);
        delivery.HeldUntil = EmailPolicy.HeldUntil(person, command.Severity, now);
        db.Deliveries.Add(delivery);
        await context.Publish(DeliveryEvents.Changed(delivery, now, delivery.HeldUntil is null ? null : "held for quiet hours"));
        if (delivery.HeldUntil is { } heldUntil)
        {
            await context.SchedulePublish(heldUntil.UtcDateTime, new SendEmail(delivery.Id, delivery.InstitutionId));
        }
        else
        {
            await context.Publish(new SendEmail(delivery.Id, delivery.InstitutionId));
        }
    }

    private static Data.Delivery NewDelivery(NotifyRecipients command, Person person, NotificationChannel channel, DeliveryState state,
        DateTimeOffset now) => new()
    {
        Id = NewId.NextGuid(), InstitutionId = command.InstitutionId, NotificationId = command.NotificationId, CaseId = command.CaseId,
        Kind = command.Kind, Severity = command.Severity, Channel = channel, PersonId = person.Id, State = state, CreatedAt = now,
        UpdatedAt = now,
    };

    private string Link(Guid caseId) => $"{options.PublicBaseUrl.TrimEnd('/')}/cases/{caseId}";
}
