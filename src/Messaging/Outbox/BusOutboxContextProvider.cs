using MassTransit;
using MassTransit.DependencyInjection;
using MassTransit.Middleware.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Outbox;

/// <summary>Inside a consumer the scope keeps the consumer's (inbox) context; anywhere else it gets the bus outbox.</summary>
internal sealed class BusOutboxContextProvider<TDbContext> : IScopedBusContextProvider<IBus>, IDisposable where TDbContext : DbContext
{
    public BusOutboxContextProvider(IBus bus, TDbContext db, IBusOutboxNotification notification, Bind<IBus, IClientFactory> clientFactory,
        Bind<IBus, IScopedConsumeContextProvider> busConsumeContext, IScopedConsumeContextProvider globalConsumeContext, IServiceProvider provider)
    {
        if (busConsumeContext.Value.HasContext)
        {
            Context = new ConsumeContextScopedBusContext<IBus>(bus, busConsumeContext.Value.GetContext(), clientFactory.Value, provider);
        }
        else if (globalConsumeContext.HasContext)
        {
            Context = new ConsumeContextScopedBusContext<IBus>(bus, globalConsumeContext.GetContext(), clientFactory.Value, provider);
        }
        else
        {
            Context = new BusOutboxContext<TDbContext>(bus, db, notification, clientFactory.Value, provider);
        }
    }

    public ScopedBusContext Context { get; }

    public void Dispose() => (Context as IDisposable)?.Dispose();
}
