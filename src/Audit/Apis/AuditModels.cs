using Haven.Audit.Data;

namespace Haven.Audit.Apis;

/// <summary>An entry as auditors and exports see it: every field needed to recompute its hash.</summary>
/// <param name="InstitutionId">The institution whose chain it is in.</param>
/// <param name="Sequence">Its place in the chain, from 1.</param>
/// <param name="PreviousHash">The previous entry's hash, lower-case hex (64 zeros for the first).</param>
/// <param name="EventId">The id of the event it records.</param>
/// <param name="Type">The event's contract, e.g. <c>haven:reports:report-submitted:v1</c>.</param>
/// <param name="OccurredAt">When the event happened (hashed with microsecond precision, in UTC).</param>
/// <param name="RecordedAt">When the audit log recorded it (hashed likewise).</param>
/// <param name="Actor">Who acted: a user id, <c>case-key</c> for the reporter; null for Haven itself.</param>
/// <param name="SubjectRef">What it is about, e.g. <c>case:{id}</c>; null when nothing in particular.</param>
/// <param name="PayloadDigest">SHA-256 of the payload, lower-case hex.</param>
/// <param name="ContentDigest">SHA-256 of the hashed fields above, lower-case hex.</param>
/// <param name="Hash">SHA-256 of the previous hash and the content digest (hex strings concatenated), lower-case hex.</param>
/// <param name="Payload">The event as recorded, JSON (a message's text only as its digest, `sha256:` and hex).</param>
public sealed record AuditEntryResponse(string InstitutionId, long Sequence, string PreviousHash, Guid EventId, string Type,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? Actor, string? SubjectRef, string PayloadDigest, string ContentDigest,
    string Hash, string Payload)
{
    public static AuditEntryResponse From(AuditEntry e) => new(e.InstitutionId, e.Sequence, e.PreviousHash, e.EventId, e.Type, e.OccurredAt,
        e.RecordedAt, e.Actor, e.SubjectRef, e.PayloadDigest, e.ContentDigest, e.Hash, e.Payload);
}

/// <summary>A signed checkpoint: the audit service's signature over the chain's head.</summary>
/// <param name="InstitutionId">The institution whose chain it signs.</param>
/// <param name="Sequence">The sequence of the chain's head when it was signed.</param>
/// <param name="HeadHash">The hash of that head entry, lower-case hex.</param>
/// <param name="KeyId">The signing key's id.</param>
/// <param name="Signature">ES256 (ECDSA P-256, SHA-256) over the statement's UTF-8 bytes, base64 of r and s (64 bytes).</param>
/// <param name="SignedAt">When it was signed.</param>
/// <param name="Statement">What was signed: <c>haven-audit-checkpoint:v1</c>, the institution, sequence, head hash and signing time, one a line.</param>
public sealed record CheckpointResponse(string InstitutionId, long Sequence, string HeadHash, string KeyId, string Signature,
    DateTimeOffset SignedAt, string Statement);

/// <summary>The audit service's public key, to check checkpoints' signatures with.</summary>
/// <param name="KeyId">The key's id, as checkpoints name it.</param>
/// <param name="Algorithm">The signature algorithm, <c>ES256</c>.</param>
/// <param name="PublicKeyPem">The public key, SubjectPublicKeyInfo in PEM.</param>
public sealed record SigningKeyResponse(string KeyId, string Algorithm, string PublicKeyPem);
