using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Haven.Messaging;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database, from <c>ConnectionStrings__{connectionName}</c> as the
    /// AppHost passes it: the DbContext, a readiness check, and migrations applied at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddHavenDbContext<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not set. Start the platform through the AppHost (./haven run).");

        builder.Services.AddDbContext<TDbContext>(options => options.UseNpgsql(connectionString,
            npgsql => npgsql.EnableRetryOnFailure()));

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TDbContext>>(connectionName);

        // Registered before MassTransit's hosted service so the schema exists before any consumer runs.
        builder.Services.AddHostedService<DatabaseMigrator<TDbContext>>();
        return builder;
    }
}
