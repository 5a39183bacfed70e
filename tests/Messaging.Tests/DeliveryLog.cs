using System.Collections.Concurrent;
using MassTransit;

namespace Haven.Messaging.Tests;

/// <summary>
/// Every message the broker delivered to an instance, seen before the inbox (which would hide a duplicate), and
/// counted once the instance has finished with it.
/// </summary>
public sealed class DeliveryLog : IReceiveObserver
{
    private readonly ConcurrentQueue<(string Queue, Guid MessageId)> _deliveries = new();

    public int Count(string queue, Guid? messageId = null) =>
        _deliveries.Count(d => d.Queue == queue && (messageId is null || d.MessageId == messageId));

    public IReadOnlyList<Guid> MessageIds(string queue) => [.. _deliveries.Where(d => d.Queue == queue).Select(d => d.MessageId)];

    public Task PostReceive(ReceiveContext context) => Record(context);

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Record(context);

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        Task.CompletedTask;

    private Task Record(ReceiveContext context)
    {
        _deliveries.Enqueue((context.InputAddress.AbsolutePath.Trim('/'), context.GetMessageId() ?? Guid.Empty));
        return Task.CompletedTask;
    }
}
