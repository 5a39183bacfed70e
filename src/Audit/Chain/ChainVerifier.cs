using System.Data;
using Haven.Audit.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Audit.Chain;

/// <summary>The outcome of a verification: valid, or the first entry that does not hold and why.</summary>
/// <param name="InstitutionId">The institution whose chain was verified.</param>
/// <param name="From">The first sequence verified.</param>
/// <param name="To">The last sequence verified (or reached).</param>
/// <param name="EntriesChecked">How many entries were recomputed.</param>
/// <param name="Valid">True when every entry of the range holds.</param>
/// <param name="FailedAtSequence">The first entry that does not hold (or is missing); null when valid.</param>
/// <param name="Reason">Why it does not hold; null when valid.</param>
/// <param name="HeadHash">The hash of the last entry verified, lower-case hex; null unless valid.</param>
public sealed record VerificationResult(string InstitutionId, long From, long To, long EntriesChecked, bool Valid,
    long? FailedAtSequence, string? Reason, string? HeadHash);

/// <summary>Recomputes a chain (or a range of it) from the stored rows, trusting none of the stored hashes.</summary>
public sealed class ChainVerifier(AuditDbContext db)
{
    private const int BatchSize = 2000;

    /// <param name="from">First sequence to check (its link to the entry before is checked too).</param>
    /// <param name="to">Last sequence to check; null for the head.</param>
    public Task<VerificationResult> VerifyAsync(string institutionId, long from, long? to, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // One snapshot for every read: an append committing mid-verification must not look like a broken chain.
            await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            return await VerifySnapshotAsync(institutionId, from, to, ct);
        }, cancellationToken);

    private async Task<VerificationResult> VerifySnapshotAsync(string institutionId, long from, long? to, CancellationToken cancellationToken)
    {
        from = Math.Max(1, from);
        var entries = db.Entries.AsNoTracking().Where(e => e.InstitutionId == institutionId);
        var previousHash = from == 1
            ? ChainHasher.Genesis
            : await entries.Where(e => e.Sequence == from - 1).Select(e => e.Hash).SingleOrDefaultAsync(cancellationToken);
        if (previousHash is null)
        {
            return new VerificationResult(institutionId, from, to ?? from, 0, false, from - 1, "the entry before the range is missing", null);
        }

        var expected = from;
        long checkedCount = 0;
        while (to is null || expected <= to)
        {
            var start = expected;
            var batch = await entries.Where(e => e.Sequence >= start && (to == null || e.Sequence <= to))
                .OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var entry in batch)
            {
                if (Check(entry, expected, previousHash) is { } reason)
                {
                    return new VerificationResult(institutionId, from, to ?? entry.Sequence, checkedCount, false, expected, reason, null);
                }
                previousHash = entry.Hash;
                expected++;
                checkedCount++;
            }
        }

        var last = expected - 1;
        if (to is { } end && last < end)
        {
            return new VerificationResult(institutionId, from, end, checkedCount, false, last + 1, "entry missing", null);
        }
        if (to is null)
        {
            // Rows deleted from the end of the chain leave a head that points past them.
            var head = await db.ChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.InstitutionId == institutionId, cancellationToken);
            if (head is not null && (head.Sequence != last || head.Hash != previousHash))
            {
                return new VerificationResult(institutionId, from, head.Sequence, checkedCount, false, last + 1,
                    "the chain ends before its recorded head", null);
            }
        }
        if (await CheckpointMismatchAsync(institutionId, from, last, cancellationToken) is { } broken)
        {
            return new VerificationResult(institutionId, from, last, checkedCount, false, broken.Sequence, broken.Reason, null);
        }
        return new VerificationResult(institutionId, from, last, checkedCount, true, null, null, previousHash);
    }

    /// <summary>Why <paramref name="entry"/> does not hold as the entry after <paramref name="previousHash"/>, or null.</summary>
    internal static string? Check(AuditEntry entry, long expectedSequence, string previousHash)
    {
        if (entry.Sequence != expectedSequence)
        {
            return $"entry {expectedSequence} is missing";
        }
        if (entry.PreviousHash != previousHash)
        {
            return "the link to the previous entry is broken";
        }
        if (ChainHasher.Sha256(entry.Payload) != entry.PayloadDigest)
        {
            return "the payload does not match its digest";
        }
        if (ChainHasher.ContentDigest(entry) != entry.ContentDigest)
        {
            return "the entry's fields do not match its content digest";
        }
        if (ChainHasher.Link(entry.PreviousHash, entry.ContentDigest) != entry.Hash)
        {
            return "the entry's hash does not match";
        }
        // The case id is not hashed: altered, it would move an entry into another case's queries and receipts unseen.
        return entry.CaseId != CaseSubject.Of(entry.SubjectRef) ? "the entry's case does not match its subject" : null;
    }

    /// <summary>A checkpoint someone else kept must still match the chain it signed.</summary>
    private async Task<(long Sequence, string Reason)?> CheckpointMismatchAsync(string institutionId, long from, long to,
        CancellationToken cancellationToken)
    {
        var checkpoints = await db.Checkpoints.AsNoTracking()
            .Where(c => c.InstitutionId == institutionId && c.Sequence >= from && c.Sequence <= to)
            .Select(c => new { c.Sequence, c.HeadHash }).ToListAsync(cancellationToken);
        foreach (var checkpoint in checkpoints)
        {
            var hash = await db.Entries.AsNoTracking()
                .Where(e => e.InstitutionId == institutionId && e.Sequence == checkpoint.Sequence)
                .Select(e => e.Hash).SingleOrDefaultAsync(cancellationToken);
            if (hash != checkpoint.HeadHash)
            {
                return (checkpoint.Sequence, "the entry differs from a signed checkpoint");
            }
        }
        return null;
    }
}
