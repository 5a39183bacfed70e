using Haven.Audit.Data;

namespace Haven.Audit.Apis;

/// <summary>An entry as auditors and exports see it: every field needed to recompute its hash.</summary>
public sealed record AuditEntryResponse(string InstitutionId, long Sequence, string PreviousHash, Guid EventId, string Type,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? Actor, string? SubjectRef, string PayloadDigest, string ContentDigest,
    string Hash, string Payload)
{
    public static AuditEntryResponse From(AuditEntry e) => new(e.InstitutionId, e.Sequence, e.PreviousHash, e.EventId, e.Type, e.OccurredAt,
        e.RecordedAt, e.Actor, e.SubjectRef, e.PayloadDigest, e.ContentDigest, e.Hash, e.Payload);
}

public sealed record CheckpointResponse(string InstitutionId, long Sequence, string HeadHash, string KeyId, string Signature,
    DateTimeOffset SignedAt, string Statement);

public sealed record SigningKeyResponse(string KeyId, string Algorithm, string PublicKeyPem);
