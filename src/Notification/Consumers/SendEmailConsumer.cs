using System.Net.Sockets;
using Haven.Contracts.Notifications;
using Haven.Notification.Data;
using Haven.Notification.Delivery;
using Haven.Notification.Messages;
using Haven.Notification.Templates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Consumers;

/// <summary>
/// One attempt at one email. A relay that is down or busy gets the attempt again later (exponential backoff with
/// jitter, through the durable scheduler); a refused address is a bounce; after the last attempt, failed.
/// </summary>
public sealed class SendEmailConsumer(NotificationDbContext db, EmailSender sender, TemplateStore templates, NotificationOptions options,
    TimeProvider clock, ILogger<SendEmailConsumer> logger) : IConsumer<SendEmail>
{
    public async Task Consume(ConsumeContext<SendEmail> context)
    {
        var delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == context.Message.DeliveryId,
            context.CancellationToken);
        if (delivery is null || delivery.State != DeliveryState.Queued)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var person = await db.People.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == delivery.PersonId, context.CancellationToken);
        if (person is null)
        {
            await Finish(context, delivery, DeliveryState.Failed, "the recipient left the directory", now);
            return;
        }

        var template = await templates.ForAsync(delivery.Kind, context.CancellationToken);
        var link = $"{options.PublicBaseUrl.TrimEnd('/')}/cases/{delivery.CaseId}";
        var rendered = TemplateRenderer.Render(template.Subject, template.Body,
            new TemplateModel(delivery.CaseId, delivery.Kind, delivery.Severity, link, person.DisplayName, delivery.InstitutionId));
        delivery.Attempts++;
        try
        {
            await sender.SendAsync(person.Email, rendered.Subject, rendered.Body, delivery.Id, context.CancellationToken);
            await Finish(context, delivery, DeliveryState.Sent, null, now);
            logger.LogInformation("Email delivery {DeliveryId} of case {CaseId} sent", delivery.Id, delivery.CaseId);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted
                                              && e.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed
                                                  or SmtpStatusCode.UserNotLocalTryAlternatePath)
        {
            await Finish(context, delivery, DeliveryState.Bounced, $"refused by the relay ({(int)e.StatusCode})", now);
        }
        catch (MimeKit.ParseException)
        {
            await Finish(context, delivery, DeliveryState.Failed, "the address could not be parsed", now);
        }
        catch (Exception e) when (e is MailKit.CommandException or ProtocolException or SslHandshakeException or IOException or SocketException
                                      or InvalidOperationException)
        {
            delivery.LastError = e.GetType().Name;
            if (delivery.Attempts >= options.Email.MaxAttempts)
            {
                await Finish(context, delivery, DeliveryState.Failed, $"gave up after {delivery.Attempts} attempts", now);
                return;
            }
            var delay = Backoff.Delay(options.Email, delivery.Attempts);
            delivery.UpdatedAt = now;
            logger.LogWarning("Email delivery {DeliveryId} attempt {Attempt} failed ({Error}); next in {Delay}", delivery.Id,
                delivery.Attempts, e.GetType().Name, delay);
            await context.SchedulePublish(delay, new SendEmail(delivery.Id, delivery.InstitutionId));
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }

    private async Task Finish(ConsumeContext context, Data.Delivery delivery, DeliveryState state, string? reason, DateTimeOffset now)
    {
        delivery.State = state;
        delivery.LastError = reason;
        delivery.UpdatedAt = now;
        await context.Publish(DeliveryEvents.Changed(delivery, now));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
