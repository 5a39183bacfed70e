using Haven.Audit.Data;
using Haven.Contracts.Platform;
using Microsoft.EntityFrameworkCore;

namespace Haven.Audit.Chain;

/// <summary>Appends to an institution's chain: one entry at a time per chain, each event once.</summary>
public sealed class AuditChain(AuditDbContext db, TimeProvider clock)
{
    /// <summary>Events that belong to no institution (service instances starting) form a chain of their own.</summary>
    public const string PlatformChain = ServiceInstanceStarted.PlatformScope;

    /// <summary>
    /// Runs inside the caller's transaction (the inbox's, for a consumer) and holds the chain head's row lock until it
    /// commits, so concurrent appenders — other threads, other replicas — queue up behind each other.
    /// </summary>
    /// <returns>The new entry, or null when the event was already in the chain.</returns>
    public async Task<AuditEntry?> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        // An entry the verifier refuses could never be removed: the chain would stay broken and unsignable for good.
        if (record.CaseId != CaseSubject.Of(record.SubjectRef))
        {
            throw new ArgumentException($"The case id {record.CaseId} does not match the subject '{record.SubjectRef}'.", nameof(record));
        }
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Appends run in a transaction: the head's lock must last until the entry commits.");
        }
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO audit_chain_heads ("InstitutionId", "Sequence", "Hash") VALUES ({record.InstitutionId}, 0, {ChainHasher.Genesis}) ON CONFLICT DO NOTHING""",
            cancellationToken);
        var head = await db.ChainHeads
            .FromSql($"""SELECT * FROM audit_chain_heads WHERE "InstitutionId" = {record.InstitutionId} FOR UPDATE""")
            .AsTracking()
            .SingleAsync(cancellationToken);

        // The inbox already drops a redelivered message; this also catches the same event arriving under another consumer.
        if (await db.Entries
                .AnyAsync(e => e.InstitutionId == record.InstitutionId && e.EventId == record.EventId, cancellationToken))
        {
            return null;
        }

        var payloadDigest = ChainHasher.Sha256(record.Payload);
        var entry = new AuditEntry
        {
            InstitutionId = record.InstitutionId,
            Sequence = head.Sequence + 1,
            PreviousHash = head.Hash,
            EventId = record.EventId,
            Type = record.Type,
            OccurredAt = ChainHasher.ToStoredPrecision(record.OccurredAt),
            RecordedAt = ChainHasher.ToStoredPrecision(clock.GetUtcNow()),
            Actor = record.Actor,
            SubjectRef = record.SubjectRef,
            CaseId = record.CaseId,
            Payload = record.Payload,
            PayloadDigest = payloadDigest,
            ContentDigest = "",
            Hash = "",
        };
        entry.ContentDigest = ChainHasher.ContentDigest(entry);
        entry.Hash = ChainHasher.Link(entry.PreviousHash, entry.ContentDigest);
        db.Entries.Add(entry);
        head.Sequence = entry.Sequence;
        head.Hash = entry.Hash;
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }
}
