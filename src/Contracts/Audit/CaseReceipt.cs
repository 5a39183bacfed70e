using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Audit;

/// <summary>Ask the audit service for a case's receipt (v1): a request, answered with <see cref="CaseReceipt"/> or <see cref="CaseReceiptUnavailable"/>.</summary>
[MessageUrn("haven:audit:get-case-receipt:v1")]
public record GetCaseReceipt(Guid CaseId, string InstitutionId) : IInstitutionMessage;

/// <summary>
/// Proof that a case's report and status changes are in its institution's audit chain (v1): the case's entries (every
/// field that is hashed, but not the payload), the content digest of every other entry up to a signed checkpoint (which
/// tells nothing about other cases), the checkpoint and the key that signed it. Anyone can recompute
/// <c>hash = SHA-256(previousHash + contentDigest)</c> from the first link to the checkpoint's head and check the signature.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Links">The chain from the case's first entry to the checkpoint's head, in sequence order.</param>
/// <param name="Checkpoint">The signed checkpoint the last link reaches.</param>
/// <param name="Key">The public key that signed it.</param>
[MessageUrn("haven:audit:case-receipt:v1")]
public record CaseReceipt(Guid CaseId, IReadOnlyList<CaseReceiptLink> Links, CaseReceiptCheckpoint Checkpoint, CaseReceiptKey Key);

/// <summary>One link of the chain: <paramref name="Entry"/> for the case's own entries, else only digests.</summary>
/// <param name="Sequence">The entry's place in the institution's chain, from 1.</param>
/// <param name="ContentDigest">SHA-256 of the entry's hashed fields, lower-case hex.</param>
/// <param name="Hash">SHA-256 of the previous link's hash and this content digest (hex strings concatenated), lower-case hex.</param>
/// <param name="Entry">The entry's hashed fields when it is the case's own; null for another entry.</param>
public record CaseReceiptLink(long Sequence, string ContentDigest, string Hash, CaseReceiptEntry? Entry);

/// <summary>The hashed fields of an entry; the content digest is computed over them (see the README's audit section).</summary>
/// <param name="InstitutionId">The institution whose chain it is in.</param>
/// <param name="Sequence">Its place in the chain, from 1.</param>
/// <param name="PreviousHash">The previous link's hash, lower-case hex (64 zeros for the first).</param>
/// <param name="EventId">The id of the event it records.</param>
/// <param name="Type">The event's contract, e.g. <c>haven:reports:report-submitted:v1</c>.</param>
/// <param name="OccurredAt">When the event happened (hashed with microsecond precision, in UTC).</param>
/// <param name="RecordedAt">When the audit log recorded it (hashed likewise).</param>
/// <param name="Actor">Who acted: a user id, <c>case-key</c> for the reporter; null for Haven itself.</param>
/// <param name="SubjectRef">What it is about, e.g. <c>case:{id}</c>; null when nothing in particular.</param>
/// <param name="PayloadDigest">SHA-256 of the event's payload, lower-case hex; the payload itself is not in the receipt.</param>
public record CaseReceiptEntry(string InstitutionId, long Sequence, string PreviousHash, Guid EventId, string Type, DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt, string? Actor, string? SubjectRef, string PayloadDigest);

/// <summary>A signed checkpoint: <paramref name="Signature"/> (ES256, base64) over <paramref name="Statement"/>.</summary>
/// <param name="InstitutionId">The institution whose chain it signs.</param>
/// <param name="Sequence">The sequence of the chain's head when it was signed.</param>
/// <param name="HeadHash">The hash of that head link, lower-case hex.</param>
/// <param name="KeyId">The signing key's id.</param>
/// <param name="Signature">ES256 (ECDSA P-256, SHA-256) over the statement's UTF-8 bytes, base64 of r and s (64 bytes).</param>
/// <param name="SignedAt">When it was signed.</param>
/// <param name="Statement">What was signed: <c>haven-audit-checkpoint:v1</c>, the institution, sequence, head hash and signing time, one a line.</param>
public record CaseReceiptCheckpoint(string InstitutionId, long Sequence, string HeadHash, string KeyId, string Signature, DateTimeOffset SignedAt,
    string Statement);

/// <summary>The audit service's public key (SubjectPublicKeyInfo PEM).</summary>
/// <param name="KeyId">The key's id, as checkpoints name it.</param>
/// <param name="Algorithm">The signature algorithm, <c>ES256</c>.</param>
/// <param name="PublicKeyPem">The public key, SubjectPublicKeyInfo in PEM.</param>
public record CaseReceiptKey(string KeyId, string Algorithm, string PublicKeyPem);

/// <summary>No receipt yet (v1): the case is not in the chain, or no signed checkpoint covers it.</summary>
[MessageUrn("haven:audit:case-receipt-unavailable:v1")]
public record CaseReceiptUnavailable(Guid CaseId, bool InChain, string Reason);
