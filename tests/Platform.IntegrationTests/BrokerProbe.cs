using System.Collections.Concurrent;
using Haven.Contracts.Cases;
using Haven.Contracts.Notifications;
using Haven.Contracts.PeerSupport;
using Haven.Messaging;
using MassTransit;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// A bus of the test's own on the platform's real broker: it publishes what a service would, and keeps a copy
/// of the case flow's messages that the services publish, in a queue of its own.
/// </summary>
public sealed class BrokerProbe : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> _received = new();
    private IBusControl _bus = null!;

    public static async Task<BrokerProbe> StartAsync(string amqp)
    {
        var probe = new BrokerProbe();
        probe._bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.HostAt(amqp);
            rabbit.ReceiveEndpoint($"tests-probe-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<NotifyRecipients>(probe.Keep);
                endpoint.Handler<CaseStatusChanged>(probe.Keep);
                endpoint.Handler<CaseEscalated>(probe.Keep);
                endpoint.Handler<CaseOverdue>(probe.Keep);
                endpoint.Handler<RequestPeerSupport>(probe.Keep);
            });
        });
        await probe._bus.StartAsync();
        return probe;
    }

    public Task PublishAsync<T>(T message) where T : class => _bus.Publish(message);

    public IReadOnlyList<T> Received<T>(Func<T, bool> where) => [.. _received.OfType<T>().Where(where)];

    /// <summary>Waits until at least <paramref name="count"/> matching messages have arrived.</summary>
    public Task<IReadOnlyList<T>> WaitFor<T>(Func<T, bool> where, int count = 1, TimeSpan? timeout = null) =>
        Eventually.Returns(() => Task.FromResult(Received(where)), found => found.Count >= count,
            $"{count} × {typeof(T).Name}", timeout);

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    private Task Keep<T>(ConsumeContext<T> context) where T : class
    {
        _received.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
