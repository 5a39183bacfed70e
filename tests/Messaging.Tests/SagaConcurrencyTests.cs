using Haven.Messaging.Tests.StateMachines;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Tests;

[Collection(MessagingCollection.Name)]
public sealed class When_50_events_for_one_saga_arrive_at_once_on_two_instances(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task Then_the_saga_counts_every_one_and_nothing_faults()
    {
        var name = "saga-" + Guid.NewGuid().ToString("N")[..8];
        var database = infrastructure.NewDatabase();
        await using var first = await TestService.Start(infrastructure, name, database,
            bus => bus.AddSagaStateMachine<CounterStateMachine, CounterState>());
        await using var second = await TestService.Start(infrastructure, name, database,
            bus => bus.AddSagaStateMachine<CounterStateMachine, CounterState>());
        var counterId = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => first.Bus.Publish(new CounterIncremented(counterId))));

        await Eventually.Until(async () => await Count(first, counterId) == 50, "the saga has counted 50 events", TimeSpan.FromSeconds(60));
        Assert.Empty(await infrastructure.Peek(first.SagaQueue<CounterState>() + "_error"));
        Assert.Equal(50, await Count(second, counterId));
    }

    private static Task<int?> Count(TestService service, Guid counterId) =>
        service.Query(db => db.Counters.Where(c => c.CorrelationId == counterId).Select(c => (int?)c.Count).SingleOrDefaultAsync());
}
