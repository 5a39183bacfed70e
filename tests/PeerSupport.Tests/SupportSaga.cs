global using SupportSagaHarness = Haven.Testing.Sagas.SagaHarness<Haven.PeerSupport.StateMachines.SupportStateMachine, Haven.PeerSupport.StateMachines.SupportState>;
using Haven.PeerSupport.StateMachines;
using MassTransit;

namespace Haven.PeerSupport.Tests;

/// <summary>
/// The support saga on the harness. A test puts a request in the state it needs (matching itself needs the database,
/// which the whole-stack tests cover) and delivers messages one at a time.
/// </summary>
public static class SupportSaga
{
    public static readonly DateTimeOffset Start = SupportSagaHarness.Start;

    public static Task<SupportSagaHarness> StartAsync() => SupportSagaHarness.StartAsync();

    /// <summary>A request that is <paramref name="state"/>, offered to (or matched with) supporter sup-1 of lakeside.</summary>
    public static SupportState Put(this SupportSagaHarness saga, string state, Action<SupportState>? configure = null)
    {
        var support = new SupportState
        {
            CorrelationId = NewId.NextGuid(), CurrentState = state, InstitutionId = "mercy", NetworkId = "lakeshore-coalition",
            RequesterDigest = "ab12", RequestedAt = Start, SupporterId = Guid.NewGuid(), SupporterInstitutionId = "lakeside",
            SupporterUserId = "sup-1", FirstCheckIn = TimeSpan.FromDays(3), SecondCheckIn = TimeSpan.FromDays(14),
        };
        configure?.Invoke(support);
        return saga.Put(support);
    }
}
