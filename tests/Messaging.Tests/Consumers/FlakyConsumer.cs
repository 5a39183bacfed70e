using Haven.Messaging.Tests.Data;
using MassTransit;

namespace Haven.Messaging.Tests.Consumers;

/// <summary>Fails the first attempts at a command, as a dependency that is briefly unavailable would make it.</summary>
public sealed class FlakyConsumer(TestDbContext db, Attempts attempts) : IConsumer<FlakyCommand>
{
    public async Task Consume(ConsumeContext<FlakyCommand> context)
    {
        // Counted outside the database: a failed attempt's transaction is rolled back.
        if (attempts.Count(context.Message.Key) <= context.Message.FailuresBeforeSuccess)
        {
            throw new TimeoutException("The dependency did not answer in time.");
        }
        db.Effects.Add(new Effect { Key = context.Message.Key, RecordedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
