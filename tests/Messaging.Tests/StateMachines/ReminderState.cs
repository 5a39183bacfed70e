using MassTransit;

namespace Haven.Messaging.Tests.StateMachines;

public sealed class ReminderState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";
    public Guid? ReminderTokenId { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime? RemindedAt { get; set; }
}
