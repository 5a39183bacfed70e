using Haven.Notification.Amqp;
using Haven.Notification.Messages;
using MassTransit;

namespace Haven.Notification.Consumers;

/// <summary>
/// Puts one partner event on the partners' exchange, acknowledged by the broker before the message is consumed: a
/// broker that is down or refuses it leaves the message to the usual retries and redeliveries.
/// </summary>
public sealed class DeliverAmqpEventConsumer(AmqpPublisher publisher) : IConsumer<DeliverAmqpEvent>
{
    public Task Consume(ConsumeContext<DeliverAmqpEvent> context) => publisher.PublishAsync(context.Message, context.CancellationToken);
}
