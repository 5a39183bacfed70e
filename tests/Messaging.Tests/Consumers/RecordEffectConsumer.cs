using Haven.Messaging.Tests.Data;
using MassTransit;

namespace Haven.Messaging.Tests.Consumers;

/// <summary>Records one effect per consumption, of commands and of the events HTTP requests publish.</summary>
public sealed class RecordEffectConsumer(TestDbContext db) : IConsumer<RecordEffect>, IConsumer<ReportFiled>, IConsumer<Ping>
{
    public Task Consume(ConsumeContext<RecordEffect> context) => Record(context.Message.Key, context.CancellationToken);

    public Task Consume(ConsumeContext<ReportFiled> context) => Record(context.Message.ReportId, context.CancellationToken);

    public Task Consume(ConsumeContext<Ping> context) => Record(context.Message.Key, context.CancellationToken);

    private async Task Record(Guid key, CancellationToken cancellationToken)
    {
        db.Effects.Add(new Effect { Key = key, RecordedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }
}
