using Haven.Audit.Data;
using Haven.Audit.Signing;
using Haven.Contracts.Audit;
using Haven.Identity;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Audit.Chain;

/// <summary>Signs an institution's chain head, after verifying the chain up to it: a checkpoint never vouches for a broken chain.</summary>
public sealed class CheckpointIssuer(AuditDbContext db, ChainVerifier verifier, CheckpointSigner signer, IPublishEndpoint publish,
    IConfiguration configuration, TimeProvider clock)
{
    /// <param name="sinceLastCheckpoint">
    /// Verify only from the latest checkpoint on (which must still match its entry), as the periodic signing does;
    /// otherwise the whole chain.
    /// </param>
    /// <returns>The new checkpoint, or the verification that refused one (invalid, or an empty chain).</returns>
    public async Task<(Checkpoint? Checkpoint, VerificationResult Verification)> SignHeadAsync(string institutionId, bool sinceLastCheckpoint,
        CancellationToken cancellationToken)
    {
        var latest = sinceLastCheckpoint
            ? await db.Checkpoints.AsNoTracking().Where(c => c.InstitutionId == institutionId)
                .OrderByDescending(c => c.Sequence).Select(c => (long?)c.Sequence).FirstOrDefaultAsync(cancellationToken)
            : null;
        var verification = await verifier.VerifyAsync(institutionId, latest ?? 1, null, cancellationToken);
        if (!verification.Valid || verification.HeadHash is null || verification.To < 1)
        {
            return (null, verification);
        }

        var signedAt = ChainHasher.ToStoredPrecision(clock.GetUtcNow());
        var statement = ChainHasher.CheckpointStatement(institutionId, verification.To, verification.HeadHash, signedAt);
        var (keyId, signature) = await signer.SignAsync(statement, cancellationToken);
        var checkpoint = new Checkpoint
        {
            InstitutionId = institutionId, Sequence = verification.To, HeadHash = verification.HeadHash, KeyId = keyId, Signature = signature,
            SignedAt = signedAt,
        };
        db.Checkpoints.Add(checkpoint);
        // Through the outbox: the network's witnesses hear of it only if it is stored.
        var networkId = configuration[$"{IdentityOptions.SectionName}:Institutions:{institutionId}:Network"];
        await publish.Publish(new AuditCheckpointSigned(institutionId, networkId, checkpoint.Sequence, checkpoint.HeadHash, signature, keyId,
            signedAt), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (checkpoint, verification);
    }
}
