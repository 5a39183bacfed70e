using Haven.Messaging.Sagas;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging;

public static class SagaRepositoryRegistrationExtensions
{
    /// <summary>
    /// Persists the saga in the service's PostgreSQL database (map it with <c>modelBuilder.AddSagaState&lt;TSaga&gt;(table)</c>).
    /// <c>AddHavenMessaging&lt;TDbContext&gt;</c> already makes this the default for every saga it registers.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> HavenRepository<TSaga, TDbContext>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISaga
        where TDbContext : DbContext
    {
        configurator.Repository(repository =>
        {
            repository.RegisterSagaRepository<TSaga, DbContext, SagaConsumeContextFactory<DbContext, TSaga>,
                SagaRepositoryContextFactory<TDbContext, TSaga>>();
            repository.RegisterLoadSagaRepository<TSaga, SagaRepositoryContextFactory<TDbContext, TSaga>>();
            repository.RegisterQuerySagaRepository<TSaga, SagaRepositoryContextFactory<TDbContext, TSaga>>();
        });
        return configurator;
    }
}

/// <summary>Makes <see cref="SagaRepositoryRegistrationExtensions.HavenRepository{TSaga,TDbContext}"/> every saga's repository.</summary>
internal sealed class HavenSagaRepositoryProvider<TDbContext> : ISagaRepositoryRegistrationProvider where TDbContext : DbContext
{
    public void Configure<TSaga>(ISagaRegistrationConfigurator<TSaga> configurator) where TSaga : class, ISaga =>
        configurator.HavenRepository<TSaga, TDbContext>();
}
