using Haven.Escalation.Policies;
using Haven.Escalation.StateMachines;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Haven.Escalation.Tests;

/// <summary>
/// The case saga on MassTransit's in-memory harness, with a clock the test moves and a ladder it chooses. Scheduling goes
/// to a queue nobody reads (as the services hand it to their durable scheduler), so a deadline fires only when a test
/// sends it: nothing depends on how long anything takes.
/// </summary>
public sealed class CaseSaga : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    private CaseSaga(ServiceProvider provider, FakeTimeProvider clock)
    {
        _provider = provider;
        Clock = clock;
        Harness = provider.GetRequiredService<ITestHarness>();
        Saga = Harness.GetSagaStateMachineHarness<CaseStateMachine, CaseState>();
    }

    public FakeTimeProvider Clock { get; }
    public ITestHarness Harness { get; }
    public ISagaStateMachineTestHarness<CaseStateMachine, CaseState> Saga { get; }
    public CaseStateMachine Machine => Saga.StateMachine;

    /// <param name="levels">Each level's roles; every level's deadline is <paramref name="delay"/> at every severity.</param>
    public static async Task<CaseSaga> StartAsync(string[][] levels, int repeats, TimeSpan delay)
    {
        var clock = new FakeTimeProvider(Start);
        var policy = new EscalationPolicy
        {
            InstitutionId = "",
            Levels = [.. levels.Select(roles => new EscalationLevel { Roles = [.. roles], Critical = delay, High = delay, Moderate = delay, Low = delay })],
            Repeats = repeats,
        };
        var scheduler = new Uri("queue:escalation-scheduler");
        var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IEscalationPolicies>(new FixedPolicies(policy))
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddSagaStateMachine<CaseStateMachine, CaseState>().InMemoryRepository();
                bus.AddMessageScheduler(scheduler);
                bus.UsingInMemory((context, memory) =>
                {
                    memory.UseMessageScheduler(scheduler);
                    memory.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(validateScopes: true);
        var saga = new CaseSaga(provider, clock);
        await saga.Harness.Start();
        return saga;
    }

    /// <summary>
    /// Publishes <paramref name="message"/> and waits until the saga has consumed it; says whether it did so without a
    /// fault (a fault would send it to the error queue). Whatever the saga published in reaction is recorded by then.
    /// </summary>
    public async Task<bool> DeliverAsync<T>(T message) where T : class
    {
        var messageId = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = messageId);
        // Polled rather than awaited with the harness's Any(), which gives up as soon as the bus looks idle (it may look
        // so before the message is picked up).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Saga.Consumed.Select<T>(m => m.Context.MessageId == messageId).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the saga never consumed {typeof(T).Name}");
            await Task.Delay(10);
        }
        return Saga.Consumed.Select<T>(m => m.Context.MessageId == messageId).Single().Exception is null;
    }

    /// <summary>The case, which must be in <paramref name="state"/>.</summary>
    public CaseState In(Guid caseId, Func<CaseStateMachine, State> state)
    {
        var found = Saga.Sagas.Contains(caseId);
        Assert.NotNull(found);
        Assert.Equal(state(Machine).Name, found.CurrentState);
        return found;
    }

    public IEnumerable<T> Published<T>(Func<T, bool> which) where T : class =>
        Harness.Published.Select<T>(m => which(m.Context.Message)).Select(m => m.Context.Message);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }

    private sealed class FixedPolicies(EscalationPolicy policy) : IEscalationPolicies
    {
        public Task<EscalationPolicy> ForAsync(string institutionId, CancellationToken cancellationToken) =>
            Task.FromResult(new EscalationPolicy { InstitutionId = institutionId, Levels = policy.Levels, Repeats = policy.Repeats });
    }
}
