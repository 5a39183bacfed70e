using Haven.Messaging.Tenancy;
using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Sagas;

/// <summary>
/// One message's view of the saga table, inside the transaction the inbox (or the factory) opened. Updates are
/// plain <c>SaveChanges</c>: the <c>xmin</c> concurrency token turns a lost race into
/// <see cref="DbUpdateConcurrencyException"/>, which rolls the whole message back for a retry.
/// </summary>
internal sealed class DbSagaRepositoryContext<TSaga, TMessage>(DbContext db, ConsumeContext<TMessage> context,
    ISagaConsumeContextFactory<DbContext, TSaga> factory)
    : ConsumeContextScope<TMessage>(context, db), SagaRepositoryContext<TSaga, TMessage>, IDisposable
    where TSaga : class, ISaga
    where TMessage : class
{
    // MassTransit may save and update from concurrent activities of one instance; a DbContext allows one at a time.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(db, this, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Insert(TSaga instance)
    {
        var entry = db.Set<TSaga>().Add(instance);
        try
        {
            await db.SaveChangesAsync(CancellationToken);
            return await factory.CreateSagaConsumeContext(db, this, instance, SagaConsumeContextMode.Insert);
        }
        catch (DbUpdateException)
        {
            // Someone else created it first; the caller loads theirs instead.
            entry.State = EntityState.Detached;
            return null;
        }
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Load(Guid correlationId)
    {
        // Found by its correlation id whoever's it is (a deadline names only the case), then the instance scopes the
        // message's work to its owner; a message naming another tenant than the instance's is refused there.
        var instance = await db.Set<TSaga>().AsTracking()
            .AcrossInstitutions("a saga instance is found by its correlation id, then scopes the work to its owner")
            .SingleOrDefaultAsync(s => s.CorrelationId == correlationId, CancellationToken);
        if (instance is not null && db is ITenantScopedDbContext { Tenant: var tenant })
        {
            tenant.Enter(instance);
        }
        return instance is null ? null : await factory.CreateSagaConsumeContext(db, this, instance, SagaConsumeContextMode.Load);
    }

    public Task Save(SagaConsumeContext<TSaga> sagaContext) => Exclusive(() => db.Set<TSaga>().Add(sagaContext.Saga));

    public Task Update(SagaConsumeContext<TSaga> sagaContext) => Exclusive(() => { });

    public Task Delete(SagaConsumeContext<TSaga> sagaContext) => Exclusive(() => db.Set<TSaga>().Remove(sagaContext.Saga));

    public Task Discard(SagaConsumeContext<TSaga> sagaContext) => Task.CompletedTask;

    public async Task Undo(SagaConsumeContext<TSaga> sagaContext)
    {
        await _gate.WaitAsync(CancellationToken);
        try
        {
            if (db.ChangeTracker.Entries<TSaga>().FirstOrDefault(e => e.Entity.CorrelationId == sagaContext.Saga.CorrelationId) is { } entry)
            {
                entry.State = EntityState.Unchanged;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance,
        SagaConsumeContextMode mode) where T : class =>
        factory.CreateSagaConsumeContext(db, consumeContext, instance, mode);

    public void Dispose() => _gate.Dispose();

    private async Task Exclusive(Action change)
    {
        await _gate.WaitAsync(CancellationToken);
        try
        {
            change();
            await db.SaveChangesAsync(CancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
