using Npgsql;

namespace Haven.Hosting;

/// <summary>PostgreSQL from the machine's own installation, run in a data folder of ours (initdb, then postgres in the foreground).</summary>
internal sealed class PostgresLifecycle(PostgresServerResource server, OrchestrationContext context) : ResourceLifecycle(server, context)
{
    protected override string ResourceType => "PostgreSQL";

    private const string InstallHint = "install it with: apt-get install -y postgresql (./haven does this for you)";

    private ManagedProcess? _process;
    private volatile bool _stopping;

    private string DataDirectory => Path.Combine(Context.Options.DataDirectory, "postgres");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var instance = server.Name;
        MarkStarting(instance);

        var binDirectory = FindBinDirectory();
        await InitializeAsync(binDirectory, cancellationToken);
        await StopLeftoverServerAsync(binDirectory);

        server.Port = PortAllocator.GetFreePort();
        _process = ManagedProcess.Start(instance, RunAsPostgres.Command, RunAsPostgres.Arguments(Path.Combine(binDirectory, "postgres"),
            "-D", DataDirectory, "-p", server.Port.Value.ToString(),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=",
            "-c", "max_connections=300"),
            new Dictionary<string, string>(), DataDirectory, Context.Logs);
        WatchExit(instance, _process, () => _stopping);
        Context.Notifications.Update(instance, s => s with
        {
            State = ResourceState.Running, ProcessId = _process.Id, Urls = [$"tcp://127.0.0.1:{server.Port}"],
        });

        await WaitUntilAsync(CanConnectAsync, _process, instance, cancellationToken);
        SetState(instance, ResourceState.Healthy);
    }

    public override async Task StopAsync()
    {
        _stopping = true;
        if (_process is not null)
        {
            // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, then stop cleanly.
            await _process.StopAsync(TimeSpan.FromSeconds(20), ManagedProcess.SigInt);
        }
    }

    private async Task InitializeAsync(string binDirectory, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(DataDirectory);
        var passwordFile = Path.Combine(Context.Options.DataDirectory, "postgres.pw");
        await File.WriteAllTextAsync(passwordFile, server.Password.Value, cancellationToken);
        try
        {
            await RunAsPostgres.GiveOwnershipAsync(DataDirectory, passwordFile);
            await ProcessRunner.RunAsync(RunAsPostgres.Command, RunAsPostgres.Arguments(Path.Combine(binDirectory, "initdb"),
                "-D", DataDirectory, "-U", PostgresServerResource.UserName, "-E", "UTF8", "--locale=C",
                "--auth=scram-sha-256", $"--pwfile={passwordFile}"), cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    // A server left by an AppHost that was killed outright would hold the data folder.
    private async Task StopLeftoverServerAsync(string binDirectory)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pidFile)
            && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
            && ManagedProcess.IsAlive(pid))
        {
            Context.Logs.Log(server.Name, $"stopping a PostgreSQL server left running by an earlier run (pid {pid})");
            await ProcessRunner.RunAsync(RunAsPostgres.Command, RunAsPostgres.Arguments(Path.Combine(binDirectory, "pg_ctl"),
                "stop", "-D", DataDirectory, "-m", "fast"), CancellationToken.None);
        }
    }

    private async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString + ";Pooling=false;Timeout=2");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    private static string FindBinDirectory() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault() ?? throw new DistributedApplicationException($"PostgreSQL server not found — {InstallHint}")
            : throw new DistributedApplicationException($"PostgreSQL server not found — {InstallHint}");
}
