using Haven.Messaging.Tests.Consumers;
using Haven.Messaging.Tests.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Messaging.Tests;

[Collection(MessagingCollection.Name)]
public sealed class When_a_request_transaction_rolls_back(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task Then_nothing_is_published()
    {
        await using var service = await TestService.Start(infrastructure, "rollback-" + Guid.NewGuid().ToString("N")[..8],
            infrastructure.NewDatabase(), bus => bus.AddConsumer<RecordEffectConsumer>());
        var rolledBack = Guid.NewGuid();
        var committed = Guid.NewGuid();

        await FileReport(service, rolledBack, commit: false);
        await FileReport(service, committed, commit: true);

        // The outbox delivers in commit order: once the later report's event has arrived, the earlier one would have too.
        await Eventually.Until(async () => await service.EffectCount(committed) == 1, "the committed report's event is consumed");
        Assert.Equal(0, await service.EffectCount(rolledBack));
        Assert.False(await service.Query(db => db.Reports.AnyAsync(r => r.Id == rolledBack)));
    }

    // What an HTTP handler does: store the entity and publish its event through the scope's IPublishEndpoint.
    private static async Task FileReport(TestService service, Guid id, bool commit)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Reports.Add(new Report { Id = id, Title = "Threat posted under a clinician's vaccine video" });
            await publisher.Publish(new ReportFiled(id));
            await db.SaveChangesAsync();
            if (commit)
            {
                await transaction.CommitAsync();
            }
        });
    }
}

[Collection(MessagingCollection.Name)]
public sealed class When_the_service_crashes_between_commit_and_publish(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task Then_the_message_is_still_delivered()
    {
        var name = "crash-" + Guid.NewGuid().ToString("N")[..8];
        var database = infrastructure.NewDatabase();
        var id = Guid.NewGuid();

        // Started once so the schema and queues exist, then stopped: the instance that commits never runs its bus.
        await using (await TestService.Start(infrastructure, name, database, bus => bus.AddConsumer<RecordEffectConsumer>()))
        {
        }
        using (var crashed = TestService.Build(infrastructure, name, database, bus => bus.AddConsumer<RecordEffectConsumer>()))
        {
            await using var scope = crashed.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Reports.Add(new Report { Id = id, Title = "Doxxing of a resident's home address" });
            await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(new ReportFiled(id));
            await db.SaveChangesAsync();
        }
        // The unstarted bus left MassTransit's static log context on the crashed instance's (now disposed) loggers.
        LogContext.ConfigureCurrentLogContext();

        await using var restarted = await TestService.Start(infrastructure, name, database, bus => bus.AddConsumer<RecordEffectConsumer>());
        await Eventually.Until(async () => await restarted.EffectCount(id) == 1, "the committed event is delivered after the restart");
    }
}

[Collection(MessagingCollection.Name)]
public sealed class When_a_request_transaction_is_run_again_by_the_execution_strategy(MessagingInfrastructure infrastructure)
{
    /// <summary>
    /// A connection that breaks before the commit makes the strategy run the transaction again. The attempt clears what the
    /// failed one left tracked (or its entity would be saved twice); the outbox must then start again with it: it once kept
    /// its state row, detached by the clear, and the second attempt's messages were stored without one and never delivered.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Then_its_entity_is_stored_once_and_its_event_delivered_once(bool brokeBeforeSaving)
    {
        await using var service = await TestService.Start(infrastructure, "retried-" + Guid.NewGuid().ToString("N")[..8],
            infrastructure.NewDatabase(), bus => bus.AddConsumer<RecordEffectConsumer>());
        var id = Guid.NewGuid();
        var attempts = 0;

        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Reports.Add(new Report { Id = id, Title = "Threat posted under a clinician's vaccine video" });
                await publisher.Publish(new ReportFiled(id));
                if (++attempts == 1 && brokeBeforeSaving)
                {
                    throw ConnectionBroke();
                }
                await db.SaveChangesAsync();
                if (attempts == 1)
                {
                    throw ConnectionBroke();
                }
                await transaction.CommitAsync();
            });
        }

        await Eventually.Until(async () => await service.EffectCount(id) == 1, "the event is consumed");
        Assert.Equal(2, attempts);
        Assert.Equal(1, await service.Query(db => db.Reports.CountAsync(r => r.Id == id)));
        // Nothing is left behind for the delivery service.
        await Eventually.Until(async () => await service.Query(db => db.Set<Outbox.OutboxMessage>().CountAsync()) == 0, "the outbox is empty");
        Assert.Equal(1, await service.EffectCount(id));
    }

    // What Npgsql throws when the server goes away: transient, so the strategy runs the transaction again.
    private static Npgsql.NpgsqlException ConnectionBroke() => new("The connection broke", new IOException("connection reset"));
}
