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
    public async Task<AuditEntry?> AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        (await AppendAsync([record], cancellationToken))[0];

    /// <summary>
    /// Appends the records in their order, as many entries in one transaction as the caller gives (a group commit): each
    /// chain's head is locked once (heads in institution order, so two groups never deadlock), the events already in the
    /// chain are found with one query, and the entries link exactly as they would one by one.
    /// </summary>
    /// <returns>For each record, its new entry, or null when the event was already in the chain (or earlier in the group).</returns>
    public async Task<IReadOnlyList<AuditEntry?>> AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            Check(record);
        }
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Appends run in a transaction: the head's lock must last until the entries commit.");
        }

        var entries = new AuditEntry?[records.Count];
        foreach (var institutionId in records.Select(r => r.InstitutionId).Distinct().Order(StringComparer.Ordinal))
        {
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO audit_chain_heads ("InstitutionId", "Sequence", "Hash") VALUES ({institutionId}, 0, {ChainHasher.Genesis}) ON CONFLICT DO NOTHING""",
                cancellationToken);
            var head = await db.ChainHeads
                .FromSql($"""SELECT * FROM audit_chain_heads WHERE "InstitutionId" = {institutionId} FOR UPDATE""")
                .AsTracking()
                .SingleAsync(cancellationToken);

            // The inbox already drops a redelivered message; this also catches the same event arriving under another consumer.
            var eventIds = records.Where(r => r.InstitutionId == institutionId).Select(r => r.EventId).ToList();
            var recorded = (await db.Entries
                .Where(e => e.InstitutionId == institutionId && eventIds.Contains(e.EventId))
                .Select(e => e.EventId)
                .ToListAsync(cancellationToken)).ToHashSet();

            for (var i = 0; i < records.Count; i++)
            {
                if (records[i].InstitutionId == institutionId && recorded.Add(records[i].EventId))
                {
                    var entry = entries[i] = Link(records[i], head.Sequence + 1, head.Hash);
                    db.Entries.Add(entry);
                    head.Sequence = entry.Sequence;
                    head.Hash = entry.Hash;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return entries;
    }

    /// <summary>An entry the verifier refuses could never be removed: the chain would stay broken and unsignable for good.</summary>
    public static void Check(AuditRecord record)
    {
        if (record.CaseId != CaseSubject.Of(record.SubjectRef))
        {
            throw new ArgumentException($"The case id {record.CaseId} does not match the subject '{record.SubjectRef}'.", nameof(record));
        }
    }

    private AuditEntry Link(AuditRecord record, long sequence, string previousHash)
    {
        var entry = new AuditEntry
        {
            InstitutionId = record.InstitutionId,
            Sequence = sequence,
            PreviousHash = previousHash,
            EventId = record.EventId,
            Type = record.Type,
            OccurredAt = ChainHasher.ToStoredPrecision(record.OccurredAt),
            RecordedAt = ChainHasher.ToStoredPrecision(clock.GetUtcNow()),
            Actor = record.Actor,
            SubjectRef = record.SubjectRef,
            CaseId = record.CaseId,
            Payload = record.Payload,
            PayloadDigest = ChainHasher.Sha256(record.Payload),
            ContentDigest = "",
            Hash = "",
        };
        entry.ContentDigest = ChainHasher.ContentDigest(entry);
        entry.Hash = ChainHasher.Link(entry.PreviousHash, entry.ContentDigest);
        return entry;
    }
}
