using System.Diagnostics;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Haven.Messaging.Outbox;

/// <summary>
/// The inbox for every consumer and saga (MassTransit's outbox consume filter asks it for a context). Each round runs
/// in one transaction holding the message's inbox row: first the row is created, then the consumer runs and its
/// state change and outgoing messages commit together, then those messages are sent, then they are removed.
/// A message whose row says it was consumed is not consumed again. A round that loses a race to another instance
/// is run again here, inside the consume scope, so saga conflicts cost milliseconds rather than a redelivery.
/// </summary>
internal sealed class InboxContextFactory<TDbContext>(TDbContext db, IServiceProvider provider) : IOutboxContextFactory<TDbContext>
    where TDbContext : DbContext
{
    public async Task Send<T>(ConsumeContext<T> context, OutboxConsumeOptions options, IPipe<OutboxConsumeContext<T>> next) where T : class
    {
        var messageId = context.GetOriginalMessageId()
            ?? throw new MessageException(typeof(T), "A message needs a message id to pass through the inbox.");
        var strategy = db.Database.CreateExecutionStrategy();
        var continueProcessing = true;
        var conflicts = 0;
        while (continueProcessing)
        {
            try
            {
                continueProcessing = await strategy.ExecuteAsync(() => Round(context, options, next, messageId));
            }
            catch (Exception exception) when (IsConflict(exception) && ++conflicts <= ConflictRetryLimit)
            {
                // Another instance won a race for the same row (a saga's xmin, or the inbox row of a duplicate):
                // the round rolled back, so run it again from a fresh read, after a jittered pause.
                await Task.Delay(Random.Shared.Next(5, 20 * conflicts), context.CancellationToken);
            }
        }
    }

    private const int ConflictRetryLimit = 25;

    // MassTransit may wrap what the saga repository threw, so look down the chain.
    private static bool IsConflict(Exception? exception) => exception switch
    {
        null => false,
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => true,
        _ => IsConflict(exception.InnerException),
    };

    private async Task<bool> Round<T>(ConsumeContext<T> context, OutboxConsumeOptions options, IPipe<OutboxConsumeContext<T>> next,
        Guid messageId) where T : class
    {
        var timer = Stopwatch.StartNew();
        // A round retried by the execution strategy must not save what the failed attempt left tracked.
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);

        var rows = await db.Set<InboxState>()
            .FromSql($"""SELECT * FROM inbox_state WHERE "MessageId" = {messageId} AND "ConsumerId" = {options.ConsumerId} FOR UPDATE""")
            .AsTracking()
            .ToListAsync(context.CancellationToken);

        if (rows is not [var inbox])
        {
            // A row must exist before it can be locked; a concurrent duplicate fails on the key and is retried.
            db.Add(new InboxState
            {
                MessageId = messageId,
                ConsumerId = options.ConsumerId,
                LockId = NewId.NextGuid(),
                Received = DateTime.UtcNow,
                ExpirationTime = context.ExpirationTime,
            });
            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
            return true;
        }

        inbox.LockId = NewId.NextGuid();
        inbox.ReceiveCount++;
        await db.SaveChangesAsync(context.CancellationToken);

        var inboxContext = new InboxConsumeContext<TDbContext, T>(context, options, provider, db, inbox);
        await next.Send(inboxContext);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch (Exception exception)
        {
            // The consumer had already completed, so MassTransit would not otherwise report the fault.
            await context.NotifyFaulted(timer.Elapsed, TypeCache<T>.ShortName, exception);
            throw;
        }
        return inboxContext.ContinueProcessing;
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("outboxContextFactory").Add("provider", "haven-postgres");
}
