using MassTransit;

namespace Haven.Messaging.Tests.StateMachines;

/// <summary>Counts its events: any lost or doubled update under concurrency shows in the total.</summary>
public sealed class CounterStateMachine : MassTransitStateMachine<CounterState>
{
    public CounterStateMachine()
    {
        InstanceState(x => x.CurrentState, Counting);

        Event(() => Incremented, e => e.CorrelateById(context => context.Message.CounterId));

        Initially(
            When(Incremented)
                .Then(context => context.Saga.Count++)
                .TransitionTo(Counting));

        During(Counting,
            When(Incremented)
                .Then(context => context.Saga.Count++));
    }

    public State Counting { get; private set; } = null!;
    public Event<CounterIncremented> Incremented { get; private set; } = null!;
}
