namespace Haven.Messaging.Tests.Data;

/// <summary>What a test consumer did, one row per time it did it (no unique key, so a duplicate would show).</summary>
public sealed class Effect
{
    public long Id { get; set; }
    public Guid Key { get; set; }
    public DateTime RecordedAt { get; set; }
}
