using System.Security.Cryptography;
using System.Text;
using Haven.Audit.Data;

namespace Haven.Audit.Chain;

/// <summary>
/// The chain's arithmetic, in one place so that the appender, the verifier, receipts and outside verifiers agree:
/// <c>content = SHA-256(fields)</c>, <c>hash = SHA-256(previousHash + content)</c>, all lower-case hex.
/// </summary>
public static class ChainHasher
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Each field is prefixed with its length in UTF-8 bytes (what any language's verifier counts alike), so no choice of
    /// values can make two different entries encode alike.
    /// </summary>
    public static string ContentDigest(string institutionId, long sequence, Guid eventId, string type, DateTimeOffset occurredAt,
        DateTimeOffset recordedAt, string? actor, string? subjectRef, string payloadDigest)
    {
        var fields = new[]
        {
            "haven-audit-entry:v1", institutionId, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            eventId.ToString("D"), type, Timestamp(occurredAt), Timestamp(recordedAt), actor ?? "", subjectRef ?? "", payloadDigest,
        };
        var canonical = new StringBuilder();
        foreach (var field in fields)
        {
            canonical.Append(Encoding.UTF8.GetByteCount(field)).Append(':').Append(field).Append('\n');
        }
        return Sha256(canonical.ToString());
    }

    public static string ContentDigest(AuditEntry e) =>
        ContentDigest(e.InstitutionId, e.Sequence, e.EventId, e.Type, e.OccurredAt, e.RecordedAt, e.Actor, e.SubjectRef, e.PayloadDigest);

    public static string Link(string previousHash, string contentDigest) => Sha256(previousHash + contentDigest);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>What a checkpoint's signature covers.</summary>
    public static string CheckpointStatement(string institutionId, long sequence, string headHash, DateTimeOffset signedAt) =>
        $"haven-audit-checkpoint:v1\n{institutionId}\n{sequence}\n{headHash}\n{Timestamp(signedAt)}";

    /// <summary>PostgreSQL keeps microseconds; times are cut to them before hashing so that a stored entry hashes alike.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
