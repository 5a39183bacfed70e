using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Haven.AppHost.Resources;

public static class LocalPostgresExtensions
{
    /// <summary>The major version run here, and the image tag published: what is tested is what is deployed.</summary>
    public const string MajorVersion = "15";

    private static readonly string BinDirectory = $"/usr/lib/postgresql/{MajorVersion}/bin";

    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource> password, LocalData data)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "postgres")))
        {
            throw new DistributedApplicationException(
                $"PostgreSQL {MajorVersion} is not installed: apt-get install -y postgresql-{MajorVersion} (./haven does this for you).");
        }
        var dataDirectory = data.PathFor("postgres");
        // PostgreSQL refuses to run as root; setpriv drops to its own user and execs, so the orchestrator's signals reach postgres itself.
        var command = RunsAsRoot ? "/usr/bin/setpriv" : Path.Combine(BinDirectory, "postgres");
        var server = new LocalPostgresResource(name, command, dataDirectory, password.Resource);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (e, ct) => InitializeAsync(server, e.Services, ct));
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, (e, ct) => CreateDatabasesAsync(server, e.Services, ct));

        var healthCheck = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, ct => CanQueryAsync(server.ConnectionStringExpression, ct));

        return builder.AddResource(server)
            .WithEndpoint(name: "tcp", scheme: "tcp")
            .WithArgs(context =>
            {
                if (RunsAsRoot)
                {
                    context.Args.Add("--reuid=postgres");
                    context.Args.Add("--regid=postgres");
                    context.Args.Add("--init-groups");
                    context.Args.Add("--");
                    context.Args.Add(Path.Combine(BinDirectory, "postgres"));
                }
                context.Args.Add("-D");
                context.Args.Add(dataDirectory);
                context.Args.Add("-p");
                context.Args.Add(server.Endpoint.Property(EndpointProperty.TargetPort));
                foreach (var setting in new[] { "listen_addresses=127.0.0.1", "unix_socket_directories=", $"max_connections={LocalPostgresResource.MaxConnections}" })
                {
                    context.Args.Add("-c");
                    context.Args.Add(setting);
                }
            })
            .WithHealthCheck(healthCheck);
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresResource> server, string name)
    {
        var database = new LocalPostgresDatabaseResource(name, server.Resource);
        server.Resource.Databases.Add(database);
        var healthCheck = $"{name}-exists";
        server.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, ct => CanQueryAsync(database.ConnectionStringExpression, ct));
        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithHealthCheck(healthCheck);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private static async Task InitializeAsync(LocalPostgresResource server, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION")))
        {
            return;
        }
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        Directory.CreateDirectory(server.DataDirectory);
        var passwordFile = Path.Combine(server.DataDirectory, "..", "postgres.initial-password");
        await File.WriteAllTextAsync(passwordFile, await server.Password.GetValueAsync(cancellationToken), cancellationToken);
        try
        {
            if (RunsAsRoot)
            {
                await RunAsync(logger, "chown", ["-R", "postgres:postgres", server.DataDirectory, passwordFile], cancellationToken);
            }
            string[] initdb = [Path.Combine(BinDirectory, "initdb"), "-D", server.DataDirectory, "-U", LocalPostgresResource.UserName,
                "-E", "UTF8", "--locale=C", "--auth=scram-sha-256", $"--pwfile={passwordFile}"];
            await RunAsync(logger, RunsAsRoot ? "runuser" : initdb[0], RunsAsRoot ? ["-u", "postgres", "--", .. initdb] : initdb[1..], cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    // Aspire passes a container's state on to its databases, not an executable's: a database runs once it exists.
    private static async Task CreateDatabasesAsync(LocalPostgresResource server, IServiceProvider services, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        await using var connection = new NpgsqlConnection(await server.ConnectionStringExpression.GetValueAsync(cancellationToken) + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        foreach (var database in server.Databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", database.Name);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                // Identifiers cannot be parameters; the name is the graph's own, quoted as an identifier.
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name.Replace("\"", "\"\"")}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            await notifications.PublishUpdateAsync(database, state => state with { State = KnownResourceStates.Running });
        }
    }

    // The orchestrator's proxy accepts a connection before PostgreSQL listens: only a query proves it is up.
    private static async Task<HealthCheckResult> CanQueryAsync(ReferenceExpression connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(await connectionString.GetValueAsync(cancellationToken) + ";Pooling=false;Timeout=3");
            await connection.OpenAsync(cancellationToken);
            await using var query = new NpgsqlCommand("SELECT 1", connection);
            await query.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }

    private static async Task RunAsync(ILogger logger, string command, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new System.Diagnostics.ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        logger.LogInformation("{Command}: {Output}", command, await output);
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException($"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}");
        }
    }
}
