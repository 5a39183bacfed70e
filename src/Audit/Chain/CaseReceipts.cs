using Haven.Audit.Consumers;
using Haven.Audit.Data;
using Haven.Audit.Signing;
using Haven.Contracts.Audit;
using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Microsoft.EntityFrameworkCore;

namespace Haven.Audit.Chain;

/// <summary>Builds a case's receipt from the current institution's chain, for case staff (HTTP) and for anonymous reporters (through intake).</summary>
public sealed class CaseReceipts(AuditDbContext db, CheckpointSigner signer)
{
    /// <summary>What a receipt shows of the case itself: that the report is logged and how its status moved.</summary>
    private static readonly string[] ReceiptTypes =
        [AuditEventConsumer.TypeName<ReportSubmitted>(), AuditEventConsumer.TypeName<CaseStatusChanged>()];

    /// <returns>The receipt, or why there is none.</returns>
    public async Task<(CaseReceipt? Receipt, CaseReceiptUnavailable? Unavailable)> BuildAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var entries = db.Entries.AsNoTracking();
        var caseEntries = entries.Where(e => e.CaseId == caseId && ReceiptTypes.Contains(e.Type));
        var span = await caseEntries.GroupBy(e => 1).Select(g => new { First = g.Min(e => e.Sequence), Last = g.Max(e => e.Sequence) })
            .SingleOrDefaultAsync(cancellationToken);
        if (span is null)
        {
            return (null, new CaseReceiptUnavailable(caseId, InChain: false, "The case is not in the audit log."));
        }
        var checkpoint = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (checkpoint is null || checkpoint.Sequence < span.Last)
        {
            return (null, new CaseReceiptUnavailable(caseId, InChain: true,
                "No signed checkpoint covers this case yet: the next periodic one will, or an auditor signs one now (POST /api/audit/checkpoints)."));
        }

        // Only digests of other cases' entries leave: their payloads are not even read.
        var links = await entries.Where(e => e.Sequence >= span.First && e.Sequence <= checkpoint.Sequence).OrderBy(e => e.Sequence)
            .Select(e => new CaseReceiptLink(e.Sequence, e.ContentDigest, e.Hash,
                e.CaseId == caseId && ReceiptTypes.Contains(e.Type)
                    ? new CaseReceiptEntry(e.InstitutionId, e.Sequence, e.PreviousHash, e.EventId, e.Type, e.OccurredAt, e.RecordedAt, e.Actor,
                        e.SubjectRef, e.PayloadDigest)
                    : null))
            .ToListAsync(cancellationToken);
        var (keyId, pem) = await signer.PublicKeyAsync(cancellationToken);
        return (new CaseReceipt(caseId, links, View(checkpoint), new CaseReceiptKey(keyId, "ES256", pem)), null);
    }

    private static CaseReceiptCheckpoint View(Checkpoint c) => new(c.InstitutionId, c.Sequence, c.HeadHash, c.KeyId, c.Signature, c.SignedAt,
        ChainHasher.CheckpointStatement(c.InstitutionId, c.Sequence, c.HeadHash, c.SignedAt));
}
