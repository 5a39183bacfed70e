using System.Diagnostics;
using System.Text;
using Haven.Contracts.Notifications;
using Haven.Notification.Data;
using Haven.Notification.Delivery;
using Haven.Notification.Messages;
using Haven.Notification.Partners;
using Haven.Notification.Webhooks;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Consumers;

/// <summary>
/// One signed POST of one webhook delivery, logged. Failure schedules the next attempt with backoff and jitter and
/// counts against the subscription; enough failures in a row disable it until an admin enables it again.
/// </summary>
public sealed class DeliverWebhookConsumer(NotificationDbContext db, IHttpClientFactory http, NotificationOptions options,
    TimeProvider clock, ILogger<DeliverWebhookConsumer> logger) : IConsumer<DeliverWebhook>
{
    public const string HttpClientName = "webhooks";

    public async Task Consume(ConsumeContext<DeliverWebhook> context)
    {
        var delivery = await db.WebhookDeliveries
            .SingleOrDefaultAsync(d => d.Id == context.Message.WebhookDeliveryId, context.CancellationToken);
        if (delivery is null || delivery.State != DeliveryState.Queued)
        {
            return;
        }
        var subscription = await db.WebhookSubscriptions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == delivery.SubscriptionId, context.CancellationToken);
        var now = clock.GetUtcNow();
        if (subscription is not { Enabled: true })
        {
            delivery.State = DeliveryState.Failed;
            delivery.LastError = "the subscription is disabled";
            delivery.NextAttemptAt = null;
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }

        delivery.Attempts++;
        var (status, error, elapsed) = await Post(subscription, delivery, context.CancellationToken);
        delivery.LastStatusCode = status;
        delivery.LastError = error;
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            DeliveryId = delivery.Id, Attempt = delivery.Attempts, At = now, StatusCode = status, Error = error, DurationMs = elapsed,
        });

        if (error is null)
        {
            delivery.State = DeliveryState.Delivered;
            delivery.DeliveredAt = now;
            delivery.NextAttemptAt = null;
            await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, 0), context.CancellationToken);
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }

        // Counted in the database, not from what was read: deliveries to one subscription fail concurrently.
        var failures = await db.Database.SqlQuery<int>(
            $"""UPDATE webhook_subscriptions SET "ConsecutiveFailures" = "ConsecutiveFailures" + 1 WHERE "Id" = {subscription.Id} RETURNING "ConsecutiveFailures" AS "Value" """)
            .ToListAsync(context.CancellationToken);
        var count = failures.SingleOrDefault();
        var disabled = count >= options.Webhooks.DisableAfterConsecutiveFailures;
        if (disabled)
        {
            await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id && s.Enabled)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Enabled, false).SetProperty(x => x.DisabledAt, now)
                    .SetProperty(x => x.DisabledReason, $"{count} failed attempts in a row"), context.CancellationToken);
            logger.LogWarning("Webhook subscription {SubscriptionId} disabled after {Failures} failed attempts in a row", subscription.Id, count);
        }

        if (disabled || delivery.Attempts >= options.Webhooks.MaxAttempts)
        {
            delivery.State = DeliveryState.Failed;
            delivery.NextAttemptAt = null;
        }
        else
        {
            var delay = Backoff.Delay(options.Webhooks, delivery.Attempts);
            delivery.NextAttemptAt = now + delay;
            await context.SchedulePublish(delay, new DeliverWebhook(delivery.Id, delivery.InstitutionId));
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }

    private async Task<(int? Status, string? Error, int ElapsedMs)> Post(WebhookSubscription subscription, WebhookDelivery delivery,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, PartnerEvent.MediaType),
        };
        var timestamp = WebhookSignature.Timestamp(clock.GetUtcNow());
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(subscription.Secret, timestamp, delivery.Body));
        request.Headers.Add("X-Haven-Delivery", delivery.Id.ToString());
        request.Headers.Add("X-Haven-Attempt", delivery.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var timer = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Webhooks.Timeout);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            return (status, response.IsSuccessStatusCode ? null : $"HTTP {status}", (int)timer.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, e is TaskCanceledException ? "timed out" : "connection failed", (int)timer.ElapsedMilliseconds);
        }
    }
}
