using Haven.PeerSupport.Messages;
using MassTransit;

namespace Haven.PeerSupport.StateMachines;

/// <summary>The support saga's endpoint.</summary>
public sealed class SupportStateDefinition : SagaDefinition<SupportState>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<SupportState> sagaConfigurator,
        IRegistrationContext context)
    {
        // An answer and an expiring offer for one request often arrive together: within an instance they take turns
        // instead of losing optimistic-concurrency races (across replicas the repository's retry still settles them).
        var partition = endpointConfigurator.CreatePartitioner(8);
        sagaConfigurator.Message<OfferAnswered>(m => m.UsePartitioner(partition, c => c.Message.RequestId));
        sagaConfigurator.Message<OfferExpired>(m => m.UsePartitioner(partition, c => c.Message.RequestId));
        sagaConfigurator.Message<TouchedBase>(m => m.UsePartitioner(partition, c => c.Message.RequestId));
        sagaConfigurator.Message<CheckInDue>(m => m.UsePartitioner(partition, c => c.Message.RequestId));
        sagaConfigurator.Message<SupportEnded>(m => m.UsePartitioner(partition, c => c.Message.RequestId));
    }
}
