using MassTransit;
using MassTransit.Saga;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Haven.Testing.Sagas;

/// <summary>
/// A saga on MassTransit's in-memory harness with a clock the test moves (compiled into each saga test project). Scheduling
/// goes to a queue nobody reads, as the services hand it to their durable scheduler, so a deadline fires only when a test
/// delivers it: nothing depends on how long anything takes.
/// </summary>
public sealed class SagaHarness<TMachine, TState> : IAsyncDisposable
    where TMachine : class, SagaStateMachine<TState>
    where TState : class, SagaStateMachineInstance
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    private SagaHarness(ServiceProvider provider, FakeTimeProvider clock)
    {
        _provider = provider;
        Clock = clock;
        Harness = provider.GetRequiredService<ITestHarness>();
        Saga = Harness.GetSagaStateMachineHarness<TMachine, TState>();
    }

    public FakeTimeProvider Clock { get; }
    public ITestHarness Harness { get; }
    public ISagaStateMachineTestHarness<TMachine, TState> Saga { get; }
    public TMachine Machine => Saga.StateMachine;

    /// <param name="services">What the saga needs besides the clock.</param>
    public static async Task<SagaHarness<TMachine, TState>> StartAsync(Action<IServiceCollection>? services = null)
    {
        var clock = new FakeTimeProvider(Start);
        var scheduler = new Uri("queue:scheduler");
        var collection = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services?.Invoke(collection);
        var provider = collection
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddSagaStateMachine<TMachine, TState>().InMemoryRepository();
                bus.AddMessageScheduler(scheduler);
                bus.UsingInMemory((context, memory) =>
                {
                    memory.UseMessageScheduler(scheduler);
                    memory.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(validateScopes: true);
        var saga = new SagaHarness<TMachine, TState>(provider, clock);
        await saga.Harness.Start();
        return saga;
    }

    /// <summary>Puts an instance in the repository as the saga would have left it.</summary>
    public TState Put(TState instance)
    {
        _provider.GetRequiredService<IndexedSagaDictionary<TState>>().Add(new SagaInstance<TState>(instance));
        return instance;
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

    public TState Get(Guid correlationId) => Saga.Sagas.Contains(correlationId) ?? throw new InvalidOperationException($"no saga {correlationId}");

    public IEnumerable<T> Published<T>(Func<T, bool> which) where T : class =>
        Harness.Published.Select<T>(m => which(m.Context.Message)).Select(m => m.Context.Message);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
