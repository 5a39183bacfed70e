using Haven.Messaging.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Haven.Messaging.Outbox;

/// <summary>
/// Forgets messages once a redelivery of them is no longer plausible, so the inbox and scheduler tables stay small.
/// A row never consumed (its message went to the error queue) goes too: if it is replayed later it runs as new.
/// </summary>
internal sealed class InboxCleanupService<TDbContext>(IServiceScopeFactory scopes, HavenMessagingOptions options, TimeProvider clock,
    ILogger<InboxCleanupService<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CleanupInterval, clock);
        try
        {
            do
            {
                try
                {
                    await CleanUp(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Inbox clean-up failed; trying again in {Interval}", options.CleanupInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CleanUp(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.DuplicateDetectionWindow;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var inbox = await db.Set<InboxState>()
            .Where(i => i.Delivered < cutoff || (i.Consumed == null && i.Received < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
        var scheduled = await db.Set<ScheduledMessageRow>()
            .Where(m => m.Sent < cutoff || m.Cancelled < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        if (inbox + scheduled > 0)
        {
            logger.LogInformation("Removed {Inbox} inbox and {Scheduled} scheduler rows older than {Cutoff}", inbox, scheduled, cutoff);
        }
    }
}
