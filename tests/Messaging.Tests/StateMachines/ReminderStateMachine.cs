using MassTransit;

namespace Haven.Messaging.Tests.StateMachines;

/// <summary>A deadline, as a case's acknowledgement deadline is: scheduled on opening, unscheduled on closing.</summary>
public sealed class ReminderStateMachine : MassTransitStateMachine<ReminderState>
{
    public ReminderStateMachine()
    {
        InstanceState(x => x.CurrentState);

        Event(() => Opened, e => e.CorrelateById(context => context.Message.ReminderId));
        Event(() => Closed, e => e.CorrelateById(context => context.Message.ReminderId));

        Schedule(() => Reminder, x => x.ReminderTokenId, schedule =>
            schedule.Received = e => e.CorrelateById(context => context.Message.ReminderId));

        Initially(
            When(Opened)
                .Then(context => context.Saga.DueAt = context.Message.DueAt)
                .Schedule(Reminder, context => new ReminderDue(context.Saga.CorrelationId), context => context.Message.DueAt)
                .TransitionTo(Waiting));

        During(Waiting,
            When(Closed)
                .Unschedule(Reminder)
                .TransitionTo(Done),
            When(Reminder!.Received)
                .Then(context => context.Saga.RemindedAt = DateTime.UtcNow)
                .TransitionTo(Reminded));
    }

    public State Waiting { get; private set; } = null!;
    public State Reminded { get; private set; } = null!;
    public State Done { get; private set; } = null!;
    public Event<ReminderOpened> Opened { get; private set; } = null!;
    public Event<ReminderClosed> Closed { get; private set; } = null!;
    public Schedule<ReminderState, ReminderDue> Reminder { get; private set; } = null!;
}
