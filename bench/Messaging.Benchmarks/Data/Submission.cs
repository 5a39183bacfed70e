namespace Haven.Messaging.Benchmarks.Data;

/// <summary>What the publishing side stores with each message (a report, in Haven's terms).</summary>
public sealed class Submission
{
    public Guid Id { get; set; }
    public DateTime CreatedAt { get; set; }
}
