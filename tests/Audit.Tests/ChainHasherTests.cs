using Haven.Audit.Chain;

namespace Haven.Audit.Tests;

public sealed class When_an_entry_is_hashed
{
    private static readonly Guid EventId = Guid.Parse("6f1c2a4e-0b5e-4c4f-9d0e-2b0e5a7c9d11");
    private static readonly DateTimeOffset OccurredAt = new DateTimeOffset(2026, 11, 22, 21, 4, 5, TimeSpan.Zero).AddTicks(1_234_560);
    private static readonly DateTimeOffset RecordedAt = new DateTimeOffset(2026, 11, 22, 21, 4, 6, TimeSpan.Zero).AddTicks(10);
    private const string Payload = """{"status":"Acknowledged"}""";

    [Fact]
    public void An_outside_verifier_following_the_documented_encoding_gets_the_same_digests()
    {
        // Computed with coreutils, not with Haven: every field as "<length>:<value>\n", then SHA-256, lower-case hex.
        //   f() { for x in "$@"; do printf '%d:%s\n' "${#x}" "$x"; done; }
        //   f haven-audit-entry:v1 mercy 1 6f1c2a4e-... haven:cases:case-status-changed:v1 2026-11-22T21:04:05.123456Z \
        //     2026-11-22T21:04:06.000001Z cm-4 case:2b0e5a7c-... "$(printf '%s' "$PAYLOAD" | sha256sum | cut -c1-64)" | sha256sum
        var payloadDigest = ChainHasher.Sha256(Payload);
        var content = ChainHasher.ContentDigest("mercy", 1, EventId, "haven:cases:case-status-changed:v1", OccurredAt, RecordedAt, "cm-4",
            $"case:{Entries.CaseId}", payloadDigest);

        Assert.Equal("2dc80e0ab994f95aea7354ca6cbbaa38e377b1fdb52a9afe1be9cfebebb538ee", payloadDigest);
        Assert.Equal("6a15743ea9db9555c2690baae3d20b93b0a6838d19fef4f516eb644fc5a9a368", content);
        Assert.Equal("80b6fcf03573b7f44c6dbf00de3b9f06ba33a9ab98d4db725c1d46ca26f28873", ChainHasher.Link(ChainHasher.Genesis, content));
    }

    [Fact]
    public void A_non_ascii_field_is_prefixed_with_its_length_in_utf8_bytes()
    {
        // The same encoding in the C locale, where ${#x} counts bytes: "José Núñez" is 10 characters and 13 bytes.
        //   LC_ALL=C f haven-audit-entry:v1 mercy 1 6f1c2a4e-... haven:cases:case-status-changed:v1 ... "José Núñez" case:2b0e5a7c-... "$PD" | sha256sum
        var content = ChainHasher.ContentDigest("mercy", 1, EventId, "haven:cases:case-status-changed:v1", OccurredAt, RecordedAt, "José Núñez",
            $"case:{Entries.CaseId}", ChainHasher.Sha256(Payload));

        Assert.Equal("aad2b5abb5f363b2c242b9656bce02ad69bc7b1b26c6ecd02d7bcb723b10ccc9", content);
    }

    [Fact]
    public void The_same_fields_always_give_the_same_digest()
    {
        var first = Entries.Next(ChainHasher.Genesis, 1);
        var again = Entries.Next(ChainHasher.Genesis, 1);
        again.EventId = first.EventId;
        Entries.Seal(again);

        Assert.Equal(first.ContentDigest, again.ContentDigest);
        Assert.Equal(first.Hash, again.Hash);
    }

    [Theory]
    [InlineData("institution")]
    [InlineData("sequence")]
    [InlineData("event id")]
    [InlineData("type")]
    [InlineData("occurred at, by a microsecond")]
    [InlineData("recorded at, by a microsecond")]
    [InlineData("actor")]
    [InlineData("actor, removed")]
    [InlineData("subject")]
    [InlineData("payload digest")]
    public void Changing_any_one_hashed_field_changes_the_digest(string field)
    {
        var original = Digest();

        var changed = field switch
        {
            "institution" => Digest(institutionId: "lakeside"),
            "sequence" => Digest(sequence: 2),
            "event id" => Digest(eventId: Guid.NewGuid()),
            "type" => Digest(type: "haven:cases:case-escalated:v1"),
            "occurred at, by a microsecond" => Digest(occurredAt: OccurredAt.AddTicks(10)),
            "recorded at, by a microsecond" => Digest(recordedAt: RecordedAt.AddTicks(10)),
            "actor" => Digest(actor: "cm-5"),
            "actor, removed" => Digest(actor: null),
            "subject" => Digest(subjectRef: $"case:{Guid.NewGuid()}"),
            "payload digest" => Digest(payloadDigest: ChainHasher.Sha256("{}")),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Assert.NotEqual(original, changed);
    }

    [Fact]
    public void Moving_characters_from_one_field_to_the_next_changes_the_digest()
    {
        // Without the length prefixes both would encode as "...ab\nc..." once joined.
        Assert.NotEqual(Digest(actor: "ab", subjectRef: "c"), Digest(actor: "a", subjectRef: "bc"));
        Assert.NotEqual(Digest(actor: "a\n1:b", subjectRef: ""), Digest(actor: "a", subjectRef: "b"));
    }

    [Fact]
    public void The_hash_links_the_entry_to_the_one_before()
    {
        var content = Digest();

        Assert.NotEqual(ChainHasher.Link(ChainHasher.Genesis, content), ChainHasher.Link(ChainHasher.Sha256("another entry"), content));
        Assert.Equal(new string('0', 64), ChainHasher.Genesis);
    }

    [Fact]
    public void The_same_instant_in_another_offset_hashes_alike()
    {
        Assert.Equal(Digest(), Digest(occurredAt: OccurredAt.ToOffset(TimeSpan.FromHours(-5)), recordedAt: RecordedAt.ToOffset(TimeSpan.FromHours(9))));
    }

    [Fact]
    public void Times_are_cut_to_the_microseconds_postgresql_keeps_so_a_stored_entry_hashes_as_it_was_appended()
    {
        var appended = new DateTimeOffset(2026, 11, 22, 23, 4, 5, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        var stored = ChainHasher.ToStoredPrecision(appended);

        Assert.Equal(TimeSpan.Zero, stored.Offset);
        Assert.Equal(appended.UtcTicks - 7, stored.UtcTicks);
        Assert.Equal(stored, ChainHasher.ToStoredPrecision(stored));
        Assert.Equal(Digest(occurredAt: appended), Digest(occurredAt: stored));
    }

    private static string Digest(string institutionId = "mercy", long sequence = 1, Guid? eventId = null,
        string type = "haven:cases:case-status-changed:v1", DateTimeOffset? occurredAt = null, DateTimeOffset? recordedAt = null,
        string? actor = "cm-4", string? subjectRef = "case:2b0e5a7c-9d11-4f3a-8c2e-6f1c2a4e0b5e", string? payloadDigest = null) =>
        ChainHasher.ContentDigest(institutionId, sequence, eventId ?? EventId, type, occurredAt ?? OccurredAt, recordedAt ?? RecordedAt, actor,
            subjectRef, payloadDigest ?? ChainHasher.Sha256(Payload));
}
