using MassTransit;

namespace Haven.Messaging.Tests.Consumers;

/// <summary>Fails every attempt, as a bug or a poison message would.</summary>
public sealed class BrokenConsumer(Attempts attempts) : IConsumer<BrokenCommand>
{
    public Task Consume(ConsumeContext<BrokenCommand> context)
    {
        attempts.Count(context.Message.Key);
        throw new InvalidOperationException($"Command {context.Message.Key} cannot be processed.");
    }
}
