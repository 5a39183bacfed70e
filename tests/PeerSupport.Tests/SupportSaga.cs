using Haven.PeerSupport.StateMachines;
using MassTransit;
using MassTransit.Saga;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Haven.PeerSupport.Tests;

/// <summary>
/// The support saga on MassTransit's in-memory harness with a clock the test moves. A test puts a request in the state
/// it needs (matching itself needs the database, which the whole-stack tests cover) and delivers messages one at a time;
/// scheduled messages go to a queue nobody reads, so nothing fires unless a test sends it.
/// </summary>
public sealed class SupportSaga : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    private SupportSaga(ServiceProvider provider, FakeTimeProvider clock)
    {
        _provider = provider;
        Clock = clock;
        Harness = provider.GetRequiredService<ITestHarness>();
        Saga = Harness.GetSagaStateMachineHarness<SupportStateMachine, SupportState>();
    }

    public FakeTimeProvider Clock { get; }
    public ITestHarness Harness { get; }
    public ISagaStateMachineTestHarness<SupportStateMachine, SupportState> Saga { get; }

    public static async Task<SupportSaga> StartAsync()
    {
        var scheduler = new Uri("queue:peer-support-scheduler");
        var clock = new FakeTimeProvider(Start);
        var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddSagaStateMachine<SupportStateMachine, SupportState>().InMemoryRepository();
                bus.AddMessageScheduler(scheduler);
                bus.UsingInMemory((context, memory) =>
                {
                    memory.UseMessageScheduler(scheduler);
                    memory.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(validateScopes: true);
        var saga = new SupportSaga(provider, clock);
        await saga.Harness.Start();
        return saga;
    }

    /// <summary>A request that is <paramref name="state"/>, as the saga would have left it.</summary>
    public SupportState Put(string state, Action<SupportState>? configure = null)
    {
        var support = new SupportState
        {
            CorrelationId = NewId.NextGuid(), CurrentState = state, InstitutionId = "mercy", NetworkId = "lakeshore-coalition",
            RequesterDigest = "ab12", RequestedAt = Start, SupporterId = Guid.NewGuid(), SupporterInstitutionId = "lakeside",
            SupporterUserId = "sup-1", FirstCheckIn = TimeSpan.FromDays(3), SecondCheckIn = TimeSpan.FromDays(14),
        };
        configure?.Invoke(support);
        _provider.GetRequiredService<IndexedSagaDictionary<SupportState>>().Add(new SagaInstance<SupportState>(support));
        return support;
    }

    /// <summary>Publishes <paramref name="message"/>, waits until the saga consumed it, and says whether it did so without a fault.</summary>
    public async Task<bool> DeliverAsync<T>(T message) where T : class
    {
        var messageId = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = messageId);
        // Polled: the harness's Any() gives up as soon as the bus looks idle, which it may before the message is picked up.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Saga.Consumed.Select<T>(m => m.Context.MessageId == messageId).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the saga never consumed {typeof(T).Name}");
            await Task.Delay(10);
        }
        return Saga.Consumed.Select<T>(m => m.Context.MessageId == messageId).Single().Exception is null;
    }

    public IEnumerable<T> Published<T>(Func<T, bool> which) where T : class =>
        Harness.Published.Select<T>(m => which(m.Context.Message)).Select(m => m.Context.Message);

    public SupportState Get(Guid requestId) => Saga.Sagas.Contains(requestId)!;

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
