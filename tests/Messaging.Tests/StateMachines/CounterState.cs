using MassTransit;

namespace Haven.Messaging.Tests.StateMachines;

public sealed class CounterState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public int CurrentState { get; set; }
    public int Count { get; set; }
}
