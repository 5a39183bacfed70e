using MassTransit;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Haven.Messaging.Scheduling;

/// <summary>
/// Sends scheduled messages when they fall due, on every replica: each takes due rows no one else holds
/// (<c>FOR UPDATE SKIP LOCKED</c>) and marks them sent in the same transaction, so one replica sends each. It sleeps
/// until the next due time, woken early by a PostgreSQL notification when any replica stores a new schedule,
/// and never longer than the poll interval. Rows are in the database, so a restart loses nothing; what fell due
/// while every replica was down is sent at start-up.
/// </summary>
internal sealed class ScheduledMessageDispatcher<TDbContext>(IBusControl bus, IServiceScopeFactory scopes, HavenMessagingOptions options,
    TimeProvider clock, ILogger<ScheduledMessageDispatcher<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    private const string Channel = "haven_scheduler";
    private const int BatchSize = 100;

    /// <summary>PostgreSQL delivers the notification when (and only if) the storing transaction commits.</summary>
    public static Task NotifyOnCommit(TDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{Channel}', '')", cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
                await Dispatch(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Scheduled message dispatch failed; retrying in {Delay}", options.SchedulerPollInterval);
                await Task.Delay(options.SchedulerPollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task Dispatch(CancellationToken cancellationToken)
    {
        await using var listener = await Listen(cancellationToken);
        while (true)
        {
            while (await SendDue(cancellationToken) == BatchSize)
            {
            }
            var sleep = await UntilNextDue(cancellationToken);
            if (sleep > TimeSpan.Zero)
            {
                await listener.WaitAsync(ListenTimeout(sleep), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Npgsql waits in whole milliseconds, and takes 0 for "forever": a next message due in under a millisecond put the
    /// dispatcher to sleep until some replica stored another schedule, and after the last one every deadline still due was
    /// never sent (CI lost a dozen overdue deadlines this way). Rounded up, the shortest wait is a millisecond.
    /// </summary>
    internal static TimeSpan ListenTimeout(TimeSpan sleep) => TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(sleep.TotalMilliseconds)));

    private async Task<NpgsqlConnection> Listen(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var connection = new NpgsqlConnection(scope.ServiceProvider.GetRequiredService<TDbContext>().Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
        await listen.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task<int> SendDue(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.Set<ScheduledMessageRow>()
                .FromSql($"""
                    SELECT * FROM scheduled_message
                    WHERE "Sent" IS NULL AND "Cancelled" IS NULL AND "DueTime" <= {now}
                    ORDER BY "DueTime" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                    """)
                .AsTracking()
                .ToListAsync(cancellationToken);
            foreach (var message in due)
            {
                message.Deserialize(SystemTextJsonMessageSerializer.Instance);
                var endpoint = await bus.GetSendEndpoint(message.DestinationAddress!);
                await endpoint.Send(new SerializedMessageBody(), new OutboxMessageSendPipe(message, message.DestinationAddress), cancellationToken);
                message.Sent = now;
                logger.LogDebug("Sent scheduled message {TokenId} due {DueTime}", message.TokenId, message.DueTime);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return due.Count;
        });
    }

    private async Task<TimeSpan> UntilNextDue(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var next = await scope.ServiceProvider.GetRequiredService<TDbContext>().Set<ScheduledMessageRow>()
            .Where(m => m.Sent == null && m.Cancelled == null)
            .MinAsync(m => (DateTime?)m.DueTime, cancellationToken);
        var untilNext = next is { } due ? due - clock.GetUtcNow().UtcDateTime : options.SchedulerPollInterval;
        return untilNext < options.SchedulerPollInterval ? untilNext : options.SchedulerPollInterval;
    }
}
