namespace Haven.Messaging.Benchmarks.Data;

/// <summary>What the consuming side stores for each message: the same work in both pipelines.</summary>
public sealed class Receipt
{
    public long Id { get; set; }
    public Guid SubmissionId { get; set; }
    public DateTime ReceivedAt { get; set; }
}
