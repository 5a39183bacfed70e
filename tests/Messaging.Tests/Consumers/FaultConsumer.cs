using Haven.Messaging.Tests.Data;
using MassTransit;

namespace Haven.Messaging.Tests.Consumers;

/// <summary>Records the <see cref="Fault{T}"/> MassTransit publishes when a command ends in the error queue.</summary>
public sealed class FaultConsumer(TestDbContext db) : IConsumer<Fault<BrokenCommand>>
{
    public async Task Consume(ConsumeContext<Fault<BrokenCommand>> context)
    {
        db.Effects.Add(new Effect { Key = context.Message.Message.Key, RecordedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
