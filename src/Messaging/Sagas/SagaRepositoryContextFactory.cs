using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Sagas;

/// <summary>
/// MassTransit's saga repository on the service's own DbContext (scoped, so it is the very DbContext the inbox
/// opened its transaction on: the saga's state, the inbox row and the outgoing messages commit together).
/// </summary>
internal sealed class SagaRepositoryContextFactory<TDbContext, TSaga>(TDbContext db, ISagaConsumeContextFactory<DbContext, TSaga> factory)
    : ISagaRepositoryContextFactory<TSaga>, ILoadSagaRepositoryContextFactory<TSaga>, IQuerySagaRepositoryContextFactory<TSaga>
    where TDbContext : DbContext
    where TSaga : class, ISaga
{
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next) where T : class =>
        InTransaction(async () =>
        {
            using var repositoryContext = new DbSagaRepositoryContext<TSaga, T>(db, context, factory);
            await next.Send(repositoryContext);
        }, context.CancellationToken);

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        InTransaction(async () =>
        {
            var instances = await db.Set<TSaga>().AsTracking().Where(query.FilterExpression).ToListAsync(context.CancellationToken);
            using var repositoryContext = new DbSagaRepositoryContext<TSaga, T>(db, context, factory);
            await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));
        }, context.CancellationToken);

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new SagaQueryContext<TSaga>(db, cancellationToken));

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new SagaQueryContext<TSaga>(db, cancellationToken));

    public void Probe(ProbeContext context) => context.Add("persistence", "haven-postgres");

    private async Task InTransaction(Func<Task> work, CancellationToken cancellationToken)
    {
        // Behind the inbox the transaction is already open, and the saga joins it.
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await work();
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
