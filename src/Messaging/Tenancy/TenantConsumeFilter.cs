using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Messaging.Tenancy;

/// <summary>
/// Scopes every consumer and saga to the institution (<see cref="IInstitutionMessage"/>) and network
/// (<see cref="INetworkMessage"/>) its message names, in the message's own DI scope, before the inbox, the consumer or
/// the saga repository touch the database. Consumers never set the tenant themselves.
/// </summary>
public sealed class TenantConsumeFilter<T>(TenantContext tenant) : IFilter<ConsumeContext<T>> where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (context.Message is IInstitutionMessage { InstitutionId: { Length: > 0 } institution })
        {
            tenant.Use(institution);
        }
        if (context.Message is INetworkMessage { NetworkId: { Length: > 0 } network })
        {
            tenant.UseNetwork(network);
        }
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant");
}
