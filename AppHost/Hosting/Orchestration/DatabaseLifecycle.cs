using Npgsql;

namespace Haven.Hosting;

/// <summary>Creates a service's database on its server (once); the service's own migrations make the schema.</summary>
internal sealed class DatabaseLifecycle(PostgresDatabaseResource database, OrchestrationContext context) : ResourceLifecycle(database, context)
{
    protected override string ResourceType => "PostgreSQL database";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        MarkStarting(database.Name);

        await using var connection = new NpgsqlConnection(database.Server.ConnectionString + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database.DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // Identifiers cannot be parameters; the name comes from the AppHost's own graph, quoted as an identifier.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            Context.Logs.Log(database.Name, $"created database {database.DatabaseName}");
        }

        Context.Notifications.Update(database.Name, s => s with
        {
            State = ResourceState.Healthy, Urls = [$"postgres://127.0.0.1:{database.Server.Port}/{database.DatabaseName}"],
        });
    }

    public override Task StopAsync()
    {
        SetState(database.Name, ResourceState.Exited);
        return Task.CompletedTask;
    }
}
