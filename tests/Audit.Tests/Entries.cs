using Haven.Audit.Chain;
using Haven.Audit.Data;

namespace Haven.Audit.Tests;

/// <summary>Entries made with the chain's own arithmetic, the way <see cref="AuditChain"/> makes them in the database.</summary>
internal static class Entries
{
    public static readonly Guid CaseId = Guid.Parse("2b0e5a7c-9d11-4f3a-8c2e-6f1c2a4e0b5e");

    public static AuditEntry Next(string previousHash, long sequence, string payload = """{"status":"Acknowledged"}""")
    {
        var entry = new AuditEntry
        {
            InstitutionId = "mercy",
            Sequence = sequence,
            PreviousHash = previousHash,
            EventId = Guid.NewGuid(),
            Type = "haven:cases:case-status-changed:v1",
            OccurredAt = ChainHasher.ToStoredPrecision(new DateTimeOffset(2026, 11, 22, 21, 4, 5, TimeSpan.Zero).AddSeconds(sequence)),
            RecordedAt = ChainHasher.ToStoredPrecision(new DateTimeOffset(2026, 11, 22, 21, 4, 6, TimeSpan.Zero).AddSeconds(sequence)),
            Actor = "cm-4",
            SubjectRef = $"case:{CaseId}",
            CaseId = CaseId,
            Payload = payload,
            PayloadDigest = ChainHasher.Sha256(payload),
            ContentDigest = "",
            Hash = "",
        };
        Seal(entry);
        return entry;
    }

    public static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        for (var sequence = 1; sequence <= length; sequence++)
        {
            entries.Add(Next(entries.Count == 0 ? ChainHasher.Genesis : entries[^1].Hash, sequence));
        }
        return entries;
    }

    /// <summary>What someone rewriting an entry behind the service's back would do to make it hold on its own.</summary>
    public static void Seal(AuditEntry entry)
    {
        entry.PayloadDigest = ChainHasher.Sha256(entry.Payload);
        entry.ContentDigest = ChainHasher.ContentDigest(entry);
        entry.Hash = ChainHasher.Link(entry.PreviousHash, entry.ContentDigest);
    }
}
