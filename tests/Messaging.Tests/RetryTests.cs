using Haven.Messaging.Tests.Consumers;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Messaging.Tests;

[Collection(MessagingCollection.Name)]
public sealed class When_a_consumer_fails_transiently(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task Then_a_retry_succeeds()
    {
        await using var service = await TestService.Start(infrastructure, "flaky-" + Guid.NewGuid().ToString("N")[..8],
            infrastructure.NewDatabase(), bus => bus.AddConsumer<FlakyConsumer>());
        var queue = service.ConsumerQueue<FlakyConsumer>();
        var key = Guid.NewGuid();

        // Two failures use up the immediate retry and reach the incremental one.
        await (await service.Bus.GetSendEndpoint(new Uri($"queue:{queue}"))).Send(new FlakyCommand(key, FailuresBeforeSuccess: 2));

        await Eventually.Until(async () => await service.EffectCount(key) == 1, "the command succeeds");
        Assert.Equal(3, service.Services.GetRequiredService<Attempts>().Of(key));
        Assert.Empty(await infrastructure.Peek(queue + "_error"));
    }
}

[Collection(MessagingCollection.Name)]
public sealed class When_a_consumer_fails_permanently(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task Then_the_message_ends_in_the_error_queue_with_its_fault()
    {
        await using var service = await TestService.Start(infrastructure, "broken-" + Guid.NewGuid().ToString("N")[..8],
            infrastructure.NewDatabase(), bus =>
            {
                bus.AddConsumer<BrokenConsumer>();
                bus.AddConsumer<FaultConsumer>();
            });
        var queue = service.ConsumerQueue<BrokenConsumer>();
        var key = Guid.NewGuid();

        await (await service.Bus.GetSendEndpoint(new Uri($"queue:{queue}"))).Send(new BrokenCommand(key));

        // The Fault<BrokenCommand> event is published once every retry and the redelivery have failed.
        await Eventually.Until(async () => await service.EffectCount(key) == 1, "the fault is published");
        // The attempt, an immediate and an incremental retry; the same again after the scheduled redelivery.
        Assert.Equal(6, service.Services.GetRequiredService<Attempts>().Of(key));
        // MassTransit publishes the fault before it moves the message.
        await Eventually.Until(async () => (await infrastructure.Peek(queue + "_error")).Count > 0, "the message is in the error queue");
        var error = Assert.Single(await infrastructure.Peek(queue + "_error"));
        Assert.Equal("System.InvalidOperationException", error.GetProperty("MT-Fault-ExceptionType").GetString());
        Assert.Contains(key.ToString(), error.GetProperty("MT-Fault-Message").GetString());
    }
}

[Collection(MessagingCollection.Name)]
public sealed class When_a_consumer_fails_through_several_redeliveries(MessagingInfrastructure infrastructure)
{
    /// <summary>
    /// Every redelivery asks the scheduler with a ScheduleMessage that carries the failing message's own id (MassTransit copies
    /// it). The scheduler's inbox once took the second such request for a duplicate of the first: the message was then neither
    /// redelivered nor parked, and no fault was published (the fault suite's poison message vanished this way).
    /// </summary>
    [Fact]
    public async Task Then_each_redelivery_happens_and_the_message_ends_in_the_error_queue()
    {
        await using var service = await TestService.Start(infrastructure, "broken-" + Guid.NewGuid().ToString("N")[..8],
            infrastructure.NewDatabase(), bus =>
            {
                bus.AddConsumer<BrokenConsumer>();
                bus.AddConsumer<FaultConsumer>();
            }, settings: new Dictionary<string, string?>
            {
                ["Messaging:Redeliveries"] = "3",
                ["Messaging:RedeliveryIntervalStep"] = "00:00:00.200",
            });
        var queue = service.ConsumerQueue<BrokenConsumer>();
        var key = Guid.NewGuid();

        await (await service.Bus.GetSendEndpoint(new Uri($"queue:{queue}"))).Send(new BrokenCommand(key));

        await Eventually.Until(async () => await service.EffectCount(key) == 1, "the fault is published");
        // Three attempts (the first, an immediate and an incremental retry) on the delivery and on each of three redeliveries.
        Assert.Equal(12, service.Services.GetRequiredService<Attempts>().Of(key));
        await Eventually.Until(async () => (await infrastructure.Peek(queue + "_error")).Count > 0, "the message is in the error queue");
        Assert.Single(await infrastructure.Peek(queue + "_error"));
    }
}
