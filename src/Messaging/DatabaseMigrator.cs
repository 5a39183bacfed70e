using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Haven.Messaging;

// Runs in StartAsync, so the host does not report started (nor the bus start) before the schema is current.
internal sealed class DatabaseMigrator<TDbContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TDbContext>> logger)
    : IHostedService where TDbContext : DbContext
{
    // Any constant no other lock in a service's database uses.
    private const long MigrationLock = 0x4D49_4752_4154_4531;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await CreateIfMissingAsync(db, cancellationToken);
        // Replicas starting together migrate one after the other: EF Core's own migration lock did not stop two intake
        // replicas from both adding the same column. A session lock, on a connection held open for the migration.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // A replica waits as long as the other's migration takes: on a busy machine that was over the 30 s command timeout, and
            // the waiting replica crashed. The start's own cancellation still ends the wait.
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(0); // no limit
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
            db.Database.SetCommandTimeout(timeout);
            // Migrate reads the history table before creating it, and on a new database that failed query is logged as an
            // error on every first start; created first, the read succeeds.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        logger.LogInformation("Database schema of {DbContext} is current", typeof(TDbContext).Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The AppHost creates each service's database; a bare server (the messaging tests) leaves it to the first replica.
    private static async Task CreateIfMissingAsync(TDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another replica was first.
        }
    }
}
