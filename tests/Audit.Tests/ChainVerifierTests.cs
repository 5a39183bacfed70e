using Haven.Audit.Chain;
using Haven.Audit.Data;

namespace Haven.Audit.Tests;

/// <summary>The verifier's check of each entry against the one before (reading the rows needs PostgreSQL: see the integration tests).</summary>
public sealed class When_a_chain_is_checked_entry_by_entry
{
    [Fact]
    public void A_chain_appended_by_the_service_holds_from_genesis_to_its_head()
    {
        var previousHash = ChainHasher.Genesis;
        foreach (var entry in Entries.Chain(5))
        {
            Assert.Null(ChainVerifier.Check(entry, entry.Sequence, previousHash));
            previousHash = entry.Hash;
        }
    }

    [Theory]
    [InlineData(nameof(AuditEntry.InstitutionId))]
    [InlineData(nameof(AuditEntry.Sequence))]
    [InlineData(nameof(AuditEntry.PreviousHash))]
    [InlineData(nameof(AuditEntry.EventId))]
    [InlineData(nameof(AuditEntry.Type))]
    [InlineData(nameof(AuditEntry.OccurredAt))]
    [InlineData(nameof(AuditEntry.RecordedAt))]
    [InlineData(nameof(AuditEntry.Actor))]
    [InlineData(nameof(AuditEntry.SubjectRef))]
    [InlineData(nameof(AuditEntry.CaseId))]
    [InlineData(nameof(AuditEntry.Payload))]
    [InlineData(nameof(AuditEntry.PayloadDigest))]
    [InlineData(nameof(AuditEntry.ContentDigest))]
    [InlineData(nameof(AuditEntry.Hash))]
    public void A_row_changed_in_any_column_no_longer_holds(string column)
    {
        var chain = Entries.Chain(3);
        var entry = chain[1];

        Alter(entry, column);

        Assert.NotNull(ChainVerifier.Check(entry, 2, chain[0].Hash));
    }

    [Fact]
    public void An_entry_about_no_case_holds_without_a_case_id()
    {
        var entry = Entries.Next(ChainHasher.Genesis, 1);
        entry.SubjectRef = "service:audit/audit-1";
        entry.CaseId = null;
        Entries.Seal(entry);

        Assert.Null(ChainVerifier.Check(entry, 1, ChainHasher.Genesis));
    }

    [Fact]
    public void An_entry_moved_to_another_case_is_found_though_its_hashes_still_match()
    {
        // Receipts and queries by case select on the case id: moved, the entry would leave one case's receipt and
        // show its payload in another's.
        var entry = Entries.Next(ChainHasher.Genesis, 1);
        entry.CaseId = Guid.NewGuid();

        Assert.Equal("the entry's case does not match its subject", ChainVerifier.Check(entry, 1, ChainHasher.Genesis));
    }

    [Fact]
    public void An_entry_rewritten_with_its_hashes_recomputed_breaks_the_link_of_the_next()
    {
        var chain = Entries.Chain(3);
        chain[1].Payload = """{"status":"Dismissed"}""";
        Entries.Seal(chain[1]);

        Assert.Null(ChainVerifier.Check(chain[1], 2, chain[0].Hash));
        Assert.Equal("the link to the previous entry is broken", ChainVerifier.Check(chain[2], 3, chain[1].Hash));
    }

    [Fact]
    public void An_entry_deleted_from_the_middle_is_reported_missing()
    {
        var chain = Entries.Chain(3);

        Assert.Equal("entry 2 is missing", ChainVerifier.Check(chain[2], 2, chain[0].Hash));
    }

    [Fact]
    public void An_entry_from_another_chain_does_not_fit_even_at_the_right_sequence()
    {
        var ours = Entries.Chain(2);
        var theirs = Entries.Next(ChainHasher.Sha256("another chain"), 2);

        Assert.NotNull(ChainVerifier.Check(theirs, 2, ours[0].Hash));
    }

    private static void Alter(AuditEntry entry, string column)
    {
        switch (column)
        {
            case nameof(AuditEntry.InstitutionId): entry.InstitutionId = "lakeside"; break;
            case nameof(AuditEntry.Sequence): entry.Sequence += 1; break;
            case nameof(AuditEntry.PreviousHash): entry.PreviousHash = ChainHasher.Sha256("forged"); break;
            case nameof(AuditEntry.EventId): entry.EventId = Guid.NewGuid(); break;
            case nameof(AuditEntry.Type): entry.Type = "haven:cases:case-overdue:v1"; break;
            case nameof(AuditEntry.OccurredAt): entry.OccurredAt = entry.OccurredAt.AddMinutes(-5); break;
            case nameof(AuditEntry.RecordedAt): entry.RecordedAt = entry.RecordedAt.AddTicks(10); break;
            case nameof(AuditEntry.Actor): entry.Actor = null; break;
            case nameof(AuditEntry.SubjectRef): entry.SubjectRef = $"case:{Guid.NewGuid()}"; break;
            case nameof(AuditEntry.CaseId): entry.CaseId = Guid.NewGuid(); break;
            case nameof(AuditEntry.Payload): entry.Payload = """{"status":"Dismissed"}"""; break;
            case nameof(AuditEntry.PayloadDigest): entry.PayloadDigest = ChainHasher.Sha256("{}"); break;
            case nameof(AuditEntry.ContentDigest): entry.ContentDigest = ChainHasher.Sha256("forged"); break;
            case nameof(AuditEntry.Hash): entry.Hash = ChainHasher.Sha256("forged"); break;
            default: throw new ArgumentOutOfRangeException(nameof(column), column, null);
        }
    }
}
