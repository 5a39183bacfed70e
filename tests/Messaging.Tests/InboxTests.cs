using Haven.Messaging.Tests.Consumers;
using MassTransit;

namespace Haven.Messaging.Tests;

[Collection(MessagingCollection.Name)]
public sealed class When_the_same_message_is_delivered_three_times(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task Then_it_has_its_effect_once()
    {
        var deliveries = new DeliveryLog();
        await using var service = await TestService.Start(infrastructure, "inbox-" + Guid.NewGuid().ToString("N")[..8],
            infrastructure.NewDatabase(), bus => bus.AddConsumer<RecordEffectConsumer>(), deliveries);
        var queue = service.ConsumerQueue<RecordEffectConsumer>();
        var endpoint = await service.Bus.GetSendEndpoint(new Uri($"queue:{queue}"));
        var key = Guid.NewGuid();
        var messageId = NewId.NextGuid();

        // As the broker would after a lost acknowledgement, or a publisher after a lost confirm: the same message again.
        for (var i = 0; i < 3; i++)
        {
            await endpoint.Send(new RecordEffect(key), context => context.MessageId = messageId);
        }

        await Eventually.Until(() => Task.FromResult(deliveries.Count(queue, messageId) == 3), "the three deliveries were processed");
        Assert.Equal(1, await service.EffectCount(key));
    }
}
