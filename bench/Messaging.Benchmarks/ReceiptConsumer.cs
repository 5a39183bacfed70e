using Haven.Messaging.Benchmarks.Data;
using MassTransit;

namespace Haven.Messaging.Benchmarks;

/// <summary>Stores a receipt, in both pipelines; behind Haven's inbox the receipt commits with the inbox row.</summary>
public sealed class ReceiptConsumer(BenchDbContext db, Latencies latencies) : IConsumer<SubmissionAccepted>
{
    public async Task Consume(ConsumeContext<SubmissionAccepted> context)
    {
        db.Receipts.Add(new Receipt { SubmissionId = context.Message.SubmissionId, ReceivedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(context.CancellationToken);
        latencies.Record(context.Message);
    }
}
