using Haven.Messaging.Scheduling;
using Haven.Messaging.Tests.Consumers;
using Haven.Messaging.Tests.Data;
using Haven.Messaging.Tests.StateMachines;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Tests;

internal static class Reminders
{
    public static Action<IBusRegistrationConfigurator> Saga => bus => bus.AddSagaStateMachine<ReminderStateMachine, ReminderState>();

    public static Task<ReminderState?> Find(TestService service, Guid id) =>
        service.Query(db => db.Reminders.AsNoTracking().SingleOrDefaultAsync(r => r.CorrelationId == id));

    public static async Task Open(TestService service, Guid id, DateTime dueAt)
    {
        await service.Bus.Publish(new ReminderOpened(id, dueAt));
        await Eventually.Until(async () => (await Find(service, id))?.CurrentState == "Waiting", "the reminder is waiting");
    }
}

[Collection(MessagingCollection.Name)]
public sealed class When_a_state_machine_schedules_a_message(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task Then_it_arrives_on_time()
    {
        await using var service = await TestService.Start(infrastructure, "ontime-" + Guid.NewGuid().ToString("N")[..8],
            infrastructure.NewDatabase(), Reminders.Saga);
        var id = Guid.NewGuid();
        var dueAt = DateTime.UtcNow.AddSeconds(1.5);

        await Reminders.Open(service, id, dueAt);

        await Eventually.Until(async () => (await Reminders.Find(service, id))?.RemindedAt is not null, "the reminder fires");
        var remindedAt = (await Reminders.Find(service, id))!.RemindedAt!.Value;
        Assert.InRange(remindedAt - dueAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }
}

[Collection(MessagingCollection.Name)]
public sealed class When_a_scheduled_message_is_cancelled(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task Then_it_never_fires()
    {
        await using var service = await TestService.Start(infrastructure, "cancel-" + Guid.NewGuid().ToString("N")[..8],
            infrastructure.NewDatabase(), Reminders.Saga);
        var cancelled = Guid.NewGuid();
        var later = Guid.NewGuid();
        var dueAt = DateTime.UtcNow.AddSeconds(2.5);

        await Reminders.Open(service, cancelled, dueAt);
        await service.Bus.Publish(new ReminderClosed(cancelled));
        await Eventually.Until(async () => (await Reminders.Find(service, cancelled))!.CurrentState == "Done", "the reminder is closed");
        await Reminders.Open(service, later, dueAt.AddSeconds(0.5));

        // Due messages go out in due order: once the later one has fired, the cancelled one would have too.
        await Eventually.Until(async () => (await Reminders.Find(service, later))?.RemindedAt is not null, "the later reminder fires");
        Assert.Null((await Reminders.Find(service, cancelled))!.RemindedAt);
        Assert.NotNull(await service.Query(db => db.Set<ScheduledMessageRow>().SingleAsync(m => m.Cancelled != null && m.Sent == null)));
    }
}

[Collection(MessagingCollection.Name)]
public sealed class When_a_scheduled_message_falls_due_while_the_service_is_stopped(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task Then_it_fires_when_the_service_starts_again()
    {
        var name = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var database = infrastructure.NewDatabase();
        var id = Guid.NewGuid();
        DateTime dueAt;

        await using (var before = await TestService.Start(infrastructure, name, database, Reminders.Saga))
        {
            // Far enough ahead that even a loaded machine has stopped the service before it falls due.
            dueAt = DateTime.UtcNow.AddSeconds(5);
            await Reminders.Open(before, id, dueAt);
            await Eventually.Until(() => before.Query(db => db.Set<ScheduledMessageRow>().AnyAsync()), "the schedule is stored");
        }
        var stoppedAt = DateTime.UtcNow;
        Assert.True(stoppedAt < dueAt, "the service stopped before the reminder fell due");
        // Let the due time pass while nothing runs (the clock, not a guess: the schedule is due at a known instant).
        var stillStopped = dueAt.AddSeconds(0.5) - DateTime.UtcNow;
        if (stillStopped > TimeSpan.Zero)
        {
            await Task.Delay(stillStopped);
        }

        await using var after = await TestService.Start(infrastructure, name, database, Reminders.Saga);
        Assert.True(DateTime.UtcNow > dueAt.AddSeconds(0.5));
        await Eventually.Until(async () => (await Reminders.Find(after, id))?.RemindedAt is not null, "the overdue reminder fires");
        Assert.True((await Reminders.Find(after, id))!.RemindedAt > stoppedAt, "fired before the service stopped");
    }
}

[Collection(MessagingCollection.Name)]
public sealed class When_two_replicas_run_the_scheduler(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task Then_each_due_message_is_delivered_once()
    {
        var name = "replicas-" + Guid.NewGuid().ToString("N")[..8];
        var database = infrastructure.NewDatabase();
        var deliveries = new DeliveryLog();
        await using var first = await TestService.Start(infrastructure, name, database, bus => bus.AddConsumer<RecordEffectConsumer>(), deliveries);
        await using var second = await TestService.Start(infrastructure, name, database, bus => bus.AddConsumer<RecordEffectConsumer>(), deliveries);
        var queue = first.ConsumerQueue<RecordEffectConsumer>();
        var dueAt = DateTime.UtcNow.AddSeconds(1.5);
        var keys = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        // As an HTTP request would: the schedules go through the outbox and leave when the request commits.
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var scheduler = scope.ServiceProvider.GetRequiredService<IMessageScheduler>();
            foreach (var key in keys)
            {
                await scheduler.ScheduleSend(new Uri($"queue:{queue}"), dueAt, new Ping(key));
            }
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync();
        }

        await Eventually.Until(async () => (await Task.WhenAll(keys.Select(first.EffectCount))).All(count => count == 1),
            "every ping has been consumed");
        // Every row is marked sent in the transaction that sent it, so nothing more can be on its way; that transaction may
        // commit a moment after the broker has already delivered the message (seen once in a full run), hence the wait.
        await Eventually.Until(async () => await first.Query(db => db.Set<ScheduledMessageRow>().CountAsync(m => m.Sent != null)) == 20,
            "every schedule marked sent");
        Assert.Equal(20, await first.Query(db => db.Set<ScheduledMessageRow>().CountAsync(m => m.Sent != null)));
        await Eventually.Until(() => Task.FromResult(deliveries.Count(queue) >= 20), "the deliveries are acknowledged");
        Assert.Equal(20, deliveries.Count(queue));
        Assert.Equal(20, deliveries.MessageIds(queue).Distinct().Count());
    }
}

public sealed class When_the_next_scheduled_message_is_due_within_a_millisecond
{
    /// <summary>Npgsql takes a 0 ms wait for "wait forever": the dispatcher then slept until another schedule was stored.</summary>
    [Theory]
    [InlineData(0.4, 1)]
    [InlineData(1, 1)]
    [InlineData(1.2, 2)]
    [InlineData(250, 250)]
    public void Then_the_dispatcher_waits_at_least_a_millisecond_never_forever(double untilDueMs, double waitMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(waitMs),
            ScheduledMessageDispatcher<TestDbContext>.ListenTimeout(TimeSpan.FromMilliseconds(untilDueMs)));
}
