using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Haven.Messaging.Outbox;

/// <summary>
/// Sends what HTTP requests committed to the outbox: at once when this instance committed it (in-process signal), and
/// otherwise at the next poll, which is how an outbox left behind by a crashed instance is delivered. Replicas share
/// the work: each takes the oldest outbox no one else holds (<c>FOR UPDATE SKIP LOCKED</c>).
/// </summary>
internal sealed class BusOutboxDeliveryService<TDbContext>(IBusControl bus, IServiceScopeFactory scopes, IBusOutboxNotification notification,
    HavenMessagingOptions options, ILogger<BusOutboxDeliveryService<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    private const int OutboxLimit = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
                while (await DeliverOldestOutbox(stoppingToken))
                {
                }
                await notification.WaitForDelivery(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Outbox delivery failed; retrying in {Delay}", options.OutboxPollInterval);
                await Task.Delay(options.OutboxPollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <returns>Whether there was anything to deliver.</returns>
    private async Task<bool> DeliverOldestOutbox(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Several requests' outboxes per transaction: one round trip to claim them, one to take their messages, one to
            // commit, however many there are. They are deleted as they are read: a failure before the commit rolls the
            // deletes back, and the batch is sent again.
            var outboxIds = await db.Database.SqlQuery<Guid>($"""
                DELETE FROM outbox_state WHERE "OutboxId" IN
                    (SELECT "OutboxId" FROM outbox_state ORDER BY "Created" LIMIT {OutboxLimit} FOR UPDATE SKIP LOCKED)
                RETURNING "OutboxId" AS "Value"
                """).ToListAsync(cancellationToken);
            if (outboxIds.Count == 0)
            {
                return false;
            }
            var messages = await db.Set<OutboxMessage>()
                .FromSql($"""DELETE FROM outbox_message WHERE "OutboxId" = ANY({outboxIds}) RETURNING *""")
                .AsNoTracking()
                .ToListAsync(cancellationToken);

            // Each outbox in the order it was written, to each destination. Outboxes are independent units of work (other
            // replicas deliver theirs at the same time), so they are sent side by side rather than one broker confirm
            // after another. Sent at least once, and the inbox of the receiving consumer makes that exactly once in effect.
            foreach (var message in messages)
            {
                message.Deserialize(SystemTextJsonMessageSerializer.Instance);
            }
            await Task.WhenAll(messages.GroupBy(m => m.OutboxId)
                .Select(outbox => bus.SendInOrderPerDestination(outbox.OrderBy(m => m.SequenceNumber), cancellationToken)));
            await transaction.CommitAsync(cancellationToken);
            logger.LogDebug("Delivered {Count} messages of {Outboxes} outboxes", messages.Count, outboxIds.Count);
            return true;
        });
    }
}
