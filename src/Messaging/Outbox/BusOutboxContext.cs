using MassTransit;
using MassTransit.Clients;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using MassTransit.Serialization;
using MassTransit.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Haven.Messaging.Outbox;

/// <summary>
/// The bus as an HTTP request (or any scope outside a consumer) sees it: <c>IPublishEndpoint</c> and
/// <c>ISendEndpointProvider</c> write to the outbox, so the messages commit with the request's <c>SaveChanges</c>
/// and are delivered by <see cref="BusOutboxDeliveryService{TDbContext}"/> once committed.
/// </summary>
internal sealed class BusOutboxContext<TDbContext>(IBus bus, TDbContext db, IBusOutboxNotification notification,
    IClientFactory clientFactory, IServiceProvider provider) : ScopedBusContext, OutboxSendContext, IDisposable
    where TDbContext : DbContext
{
    private readonly Lock _gate = new();
    private Guid _outboxId = NewId.NextGuid();
    private OutboxState? _state;
    private IPublishEndpoint? _publishEndpoint;
    private ISendEndpointProvider? _sendEndpointProvider;
    private IScopedClientFactory? _clientFactory;

    public ISendEndpointProvider SendEndpointProvider => _sendEndpointProvider ??= new OutboxSendEndpointProvider(this, bus);

    public IPublishEndpoint PublishEndpoint =>
        _publishEndpoint ??= new PublishEndpoint(new OutboxPublishEndpointProvider(this, bus));

    public IScopedClientFactory ClientFactory =>
        _clientFactory ??= new ScopedClientFactory(new ClientFactory(new ScopedClientFactoryContext(clientFactory, provider)), null!);

    public Task AddSend<T>(SendContext<T> context) where T : class
    {
        lock (_gate)
        {
            // After a commit the scope may go on with a new unit of work, which gets an outbox of its own; so does a transaction
            // run again by the execution strategy, which cleared what its failed attempt left tracked (this outbox's state too).
            if (WasCommitted || StateEntry is { State: EntityState.Detached })
            {
                if (WasCommitted)
                {
                    notification.Delivered();
                }
                _outboxId = NewId.NextGuid();
                _state = null;
            }
            _state ??= db.Add(new OutboxState { OutboxId = _outboxId, Created = DateTime.UtcNow }).Entity;
        }
        db.Set<OutboxMessage>().AddSend(context, SystemTextJsonMessageSerializer.Instance, outboxId: _outboxId);
        return Task.CompletedTask;
    }

    public object? GetService(Type serviceType) => provider.GetService(serviceType);

    // Wakes the delivery service the moment the request's messages are committed, instead of at its next poll.
    public void Dispose()
    {
        if (WasCommitted)
        {
            notification.Delivered();
        }
    }

    private bool WasCommitted => StateEntry is { State: EntityState.Unchanged };

    // Looked up afresh: an entry kept from before ChangeTracker.Clear() still reports the state it had then.
    private EntityEntry<OutboxState>? StateEntry => _state is null ? null : db.Entry(_state);
}
