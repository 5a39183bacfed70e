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
[MessageUrn("haven:audit:case-receipt:v1")]
public record CaseReceipt(Guid CaseId, IReadOnlyList<CaseReceiptLink> Links, CaseReceiptCheckpoint Checkpoint, CaseReceiptKey Key);

/// <summary>One link of the chain: <paramref name="Entry"/> for the case's own entries, else only digests.</summary>
public record CaseReceiptLink(long Sequence, string ContentDigest, string Hash, CaseReceiptEntry? Entry);

/// <summary>The hashed fields of an entry; the content digest is computed over them (see the README's audit section).</summary>
public record CaseReceiptEntry(string InstitutionId, long Sequence, string PreviousHash, Guid EventId, string Type, DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt, string? Actor, string? SubjectRef, string PayloadDigest);

/// <summary>A signed checkpoint: <paramref name="Signature"/> (ES256, base64) over <paramref name="Statement"/>.</summary>
public record CaseReceiptCheckpoint(string InstitutionId, long Sequence, string HeadHash, string KeyId, string Signature, DateTimeOffset SignedAt,
    string Statement);

/// <summary>The audit service's public key (SubjectPublicKeyInfo PEM).</summary>
public record CaseReceiptKey(string KeyId, string Algorithm, string PublicKeyPem);

/// <summary>No receipt yet (v1): the case is not in the chain, or no signed checkpoint covers it.</summary>
[MessageUrn("haven:audit:case-receipt-unavailable:v1")]
public record CaseReceiptUnavailable(Guid CaseId, bool InChain, string Reason);
