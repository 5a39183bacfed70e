using Haven.Messaging.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Haven.Messaging;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database, from <c>ConnectionStrings__{connectionName}</c> as the
    /// AppHost passes it: the DbContext, Aspire's health check and telemetry for it, and migrations
    /// applied at start-up, and the tenant scope the DbContext filters and guards its rows by (a context implementing
    /// <see cref="ITenantScopedDbContext"/> calls <c>modelBuilder.ApplyTenantFilters(this)</c>).
    /// </summary>
    public static IHostApplicationBuilder AddHavenDbContext<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not set. Start the platform through the AppHost (./haven run).");

        // Retries stay here rather than in Aspire's settings: the inbox, outbox, saga repository and scheduler
        // count on the execution strategy retrying a whole transaction (each explicit transaction runs inside
        // CreateExecutionStrategy().ExecuteAsync, which is what lets a retrying strategy and user-initiated
        // transactions go together), so configuration must not be able to switch retries off.
        builder.Services.AddDbContext<TDbContext>(options => options.UseNpgsql(connectionString,
            npgsql => npgsql.EnableRetryOnFailure()).AddInterceptors(TenantWriteGuard.Instance));
        // One scope per request or message: the DbContext's filters and write guard read it (Tenancy/).
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<TenantContext>();

        // Aspire's health check (CanConnect, what /health needs of the database), Npgsql tracing and metrics.
        // Its retries are off because the registration above already decides them; left on, Aspire would
        // only find our retrying strategy and keep it.
        builder.EnrichNpgsqlDbContext<TDbContext>(settings => settings.DisableRetry = true);

        // PostgreSQL cannot store NUL in text: a service with a database refuses it in every request, as a 400 naming where.
        builder.Services.AddNulCharacterGuard();

        // Registered before MassTransit's hosted service so the schema exists before any consumer runs.
        builder.Services.AddHostedService<DatabaseMigrator<TDbContext>>();
        return builder;
    }
}
