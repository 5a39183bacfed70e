using System.Diagnostics;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Scheduling;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Haven.Messaging.Outbox;

/// <summary>
/// The inbox for every consumer and saga (MassTransit's outbox consume filter asks it for a context). A message costs
/// one transaction: it claims the message's inbox row, runs the consumer, and commits the consumer's state change, its
/// outgoing messages and the row marked consumed together. A message whose row says it was consumed is not consumed
/// again. The outgoing messages are sent once that has committed, and then forgotten. A transaction that loses a race
/// to another instance is run again here, inside the consume scope, so saga conflicts cost milliseconds rather than a
/// redelivery.
/// </summary>
internal sealed class InboxContextFactory<TDbContext>(TDbContext db, IServiceProvider provider) : IOutboxContextFactory<TDbContext>
    where TDbContext : DbContext
{
    private const int ConflictRetryLimit = 25;

    public async Task Send<T>(ConsumeContext<T> context, OutboxConsumeOptions options, IPipe<OutboxConsumeContext<T>> next) where T : class
    {
        // Each scheduled redelivery of a message asks the scheduler with the message's own id (MassTransit copies it onto the
        // ScheduleMessage), so a schedule request is told apart by its token: by message id, the second redelivery's request
        // was taken for a duplicate of the first, and the message was neither redelivered nor parked.
        var messageId = (context.Message as ScheduleMessage)?.CorrelationId ?? context.GetOriginalMessageId()
            ?? throw new MessageException(typeof(T), "A message needs a message id to pass through the inbox.");
        var strategy = db.Database.CreateExecutionStrategy();
        var conflicts = 0;
        InboxConsumeContext<TDbContext, T> inboxContext;
        while (true)
        {
            try
            {
                inboxContext = await strategy.ExecuteAsync(() => Consume(context, options, next, messageId));
                break;
            }
            catch (Exception exception) when (IsConflict(exception) && ++conflicts <= ConflictRetryLimit)
            {
                // Another instance won a race for the same row (a saga's xmin, or the inbox row of a duplicate):
                // the transaction rolled back, so run it again from a fresh read, after a jittered pause.
                await Task.Delay(Random.Shared.Next(5, 20 * conflicts), context.CancellationToken);
            }
        }

        // Committed: now send what the consumer sent, then forget it (MassTransit's pipe finishes the bookkeeping).
        await inboxContext.DeliverCommittedMessages();
        while (inboxContext.ContinueProcessing)
        {
            await next.Send(inboxContext);
        }
    }

    // MassTransit may wrap what the saga repository threw, so look down the chain.
    private static bool IsConflict(Exception? exception) => exception switch
    {
        null => false,
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => true,
        _ => IsConflict(exception.InnerException),
    };

    private async Task<InboxConsumeContext<TDbContext, T>> Consume<T>(ConsumeContext<T> context, OutboxConsumeOptions options,
        IPipe<OutboxConsumeContext<T>> next, Guid messageId) where T : class
    {
        var timer = Stopwatch.StartNew();
        // A transaction retried by the execution strategy must not save what the failed attempt left tracked.
        db.ChangeTracker.Clear();
        // The whole transaction is retried on any failure, so savepoints around each SaveChanges are round trips for nothing.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);

        var inbox = await Claim(messageId, options.ConsumerId, context);
        var inboxContext = new InboxConsumeContext<TDbContext, T>(context, options, provider, db, inbox);
        // Consumes the message, or (when an earlier attempt committed but did not finish sending) sends what it left.
        await next.Send(inboxContext);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch (Exception exception) when (!IsConflict(exception))
        {
            // The consumer had already completed, so MassTransit would not otherwise report the fault.
            await context.NotifyFaulted(timer.Elapsed, TypeCache<T>.ShortName, exception);
            throw;
        }
        return inboxContext;
    }

    /// <summary>
    /// The message's inbox row, created or found and locked in one statement; a concurrent duplicate waits here until
    /// this transaction ends and then finds the row consumed.
    /// </summary>
    private async Task<InboxState> Claim<T>(Guid messageId, Guid consumerId, ConsumeContext<T> context) where T : class
    {
        var rows = await db.Set<InboxState>()
            .FromSql($"""
                INSERT INTO inbox_state ("MessageId", "ConsumerId", "LockId", "Received", "ReceiveCount", "ExpirationTime")
                VALUES ({messageId}, {consumerId}, {NewId.NextGuid()}, {DateTime.UtcNow}, 1, {context.ExpirationTime})
                ON CONFLICT ("MessageId", "ConsumerId")
                DO UPDATE SET "LockId" = EXCLUDED."LockId", "ReceiveCount" = inbox_state."ReceiveCount" + 1
                RETURNING *
                """)
            .AsTracking()
            .ToListAsync(context.CancellationToken);
        return rows.Single();
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("outboxContextFactory").Add("provider", "haven-postgres");
}
