using System.Threading.Channels;
using Haven.Audit.Data;
using Haven.Messaging.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Haven.Audit.Chain;

/// <summary>
/// Group commit: the audit consumers' appends, whichever message each came from, gathered into one transaction while
/// the one before commits. One entry per transaction held each chain's head lock for a whole round trip and commit per
/// entry; many entries share both here. The chain is the same (<see cref="AuditChain"/> links every entry), and so is
/// exactly-once: an entry commits before its message's inbox row, and a message delivered again finds its event already
/// in the chain.
/// </summary>
public sealed class ChainWriter(IServiceScopeFactory scopes, ILogger<ChainWriter> logger) : BackgroundService
{
    /// <summary>Enough to fill a transaction without making one failure send many messages back to be retried.</summary>
    public const int MaxGroup = 256;

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <returns>The new entry once committed, or null when the event was already in the chain.</returns>
    public Task<AuditEntry?> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        // Refused here, not in the group: one bad record must not fail the others.
        AuditChain.Check(record);
        var pending = new Pending(record, new TaskCompletionSource<AuditEntry?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit service is stopping.");
        }
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>(MaxGroup);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                // Whatever arrived while the last group committed goes in this one.
                while (group.Count < MaxGroup && _pending.Reader.TryRead(out var next))
                {
                    group.Add(next);
                }
                await CommitAsync(group, stoppingToken);
                group.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _pending.Writer.TryComplete();
            while (_pending.Reader.TryRead(out var left))
            {
                left.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    // One transaction per institution of the group, each in that institution's scope, as every write of Haven's is.
    private async Task CommitAsync(List<Pending> group, CancellationToken cancellationToken)
    {
        foreach (var institution in group.GroupBy(p => p.Record.InstitutionId))
        {
            await CommitInScopeAsync(institution.Key, [.. institution], cancellationToken);
        }
    }

    private async Task CommitInScopeAsync(string institutionId, List<Pending> group, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(institutionId);
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
            var entries = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var appended = await chain.AppendAsync([.. group.Select(p => p.Record)], ct);
                await transaction.CommitAsync(ct);
                return appended;
            }, cancellationToken);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Done.TrySetResult(entries[i]);
            }
        }
        catch (Exception e)
        {
            // Each message goes back to its consumer's retries; nothing of the group was committed.
            logger.LogWarning(e, "A group of {Count} audit entries failed to commit", group.Count);
            foreach (var pending in group)
            {
                pending.Done.TrySetException(e);
            }
        }
    }

    private sealed record Pending(AuditRecord Record, TaskCompletionSource<AuditEntry?> Done);
}
