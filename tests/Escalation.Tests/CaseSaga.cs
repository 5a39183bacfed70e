global using CaseSagaHarness = Haven.Testing.Sagas.SagaHarness<Haven.Escalation.StateMachines.CaseStateMachine, Haven.Escalation.StateMachines.CaseState>;
using Haven.Escalation.Policies;
using Haven.Escalation.StateMachines;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Escalation.Tests;

/// <summary>The case saga on the harness, with a ladder the test chooses.</summary>
public static class CaseSaga
{
    public static readonly DateTimeOffset Start = CaseSagaHarness.Start;

    /// <param name="levels">Each level's roles; every level's deadline is <paramref name="delay"/> at every severity.</param>
    public static Task<CaseSagaHarness> StartAsync(string[][] levels, int repeats, TimeSpan delay) =>
        CaseSagaHarness.StartAsync(services => services.AddSingleton<IEscalationPolicies>(new FixedPolicies(
            [.. levels.Select(roles => new EscalationLevel { Roles = [.. roles], Critical = delay, High = delay, Moderate = delay, Low = delay })],
            repeats)));

    /// <summary>The case, which must be in <paramref name="state"/>.</summary>
    public static CaseState In(this CaseSagaHarness saga, Guid caseId, Func<CaseStateMachine, State> state)
    {
        var found = saga.Get(caseId);
        Assert.Equal(state(saga.Machine).Name, found.CurrentState);
        return found;
    }

    private sealed class FixedPolicies(List<EscalationLevel> levels, int repeats) : IEscalationPolicies
    {
        public Task<EscalationPolicy> ForAsync(string institutionId, CancellationToken cancellationToken) =>
            Task.FromResult(new EscalationPolicy { InstitutionId = institutionId, Levels = levels, Repeats = repeats });
    }
}
