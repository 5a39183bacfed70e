using Haven.Audit.Chain;
using Haven.Audit.Data;
using Haven.Messaging.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Haven.Audit.Signing;

/// <summary>
/// Signs a checkpoint for every institution whose chain moved since its last one, every <c>Audit:CheckpointInterval</c>
/// (15 minutes by default), so that witnesses get checkpoints and anonymous reporters get receipts without waiting for
/// an auditor. One replica at a time: the others skip a round the first one holds.
/// </summary>
public sealed class PeriodicCheckpoints(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<PeriodicCheckpoints> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Audit:CheckpointInterval", TimeSpan.FromMinutes(15));
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SignMovedChainsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Periodic checkpoints failed; the next round tries again");
            }
        }
    }

    // Any constant no other lock of the audit database uses.
    private const long RoundLock = 0x4156_4449_5443_4B50;

    // The timer works for every institution: it finds the chains that moved across institutions, then signs each in
    // that institution's own scope.
    private static Task<List<string>> MovedChainsAsync(AuditDbContext db, CancellationToken cancellationToken) =>
        db.ChainHeads.AsNoTracking().AcrossInstitutions("the checkpoint timer looks for every institution's moved chain")
            .Where(h => !db.Checkpoints.AcrossInstitutions("the checkpoint timer compares each chain with its latest checkpoint")
                .Any(c => c.InstitutionId == h.InstitutionId && c.Sequence >= h.Sequence))
            .Select(h => h.InstitutionId).ToListAsync(cancellationToken);

    private async Task SignInScopeAsync(string institutionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(institutionId);
        var issuer = scope.ServiceProvider.GetRequiredService<CheckpointIssuer>();
        var (checkpoint, verification) = await issuer.SignHeadAsync(institutionId, sinceLastCheckpoint: true, cancellationToken);
        if (checkpoint is null)
        {
            logger.LogError("No checkpoint for {InstitutionId}: the chain does not verify at {Sequence} ({Reason})", institutionId,
                verification.FailedAtSequence, verification.Reason);
        }
    }

    private async Task SignMovedChainsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        // A session lock on a connection held open for the round: verification opens transactions of its own on it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({RoundLock}) AS \"Value\"").SingleAsync(cancellationToken))
            {
                return;
            }
            try
            {
                foreach (var institutionId in await MovedChainsAsync(db, cancellationToken))
                {
                    await SignInScopeAsync(institutionId, cancellationToken);
                }
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({RoundLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
