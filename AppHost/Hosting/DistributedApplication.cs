using System.Reflection;
using System.Runtime.InteropServices;
using Haven.Hosting.Dashboard;

namespace Haven.Hosting;

/// <summary>The running graph: starts it, reports its state and logs, and stops every process it started.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly DistributedApplicationBuilder _builder;
    private readonly Orchestrator _orchestrator;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly SemaphoreSlim _lifecycleGate = new(1, 1);
    private bool _started;
    private DashboardHost? _dashboard;

    internal DistributedApplication(DistributedApplicationBuilder builder)
    {
        _builder = builder;
        ResourceLogs = new ResourceLoggerService(builder.Options.EchoConsoleLogs);
        _orchestrator = new Orchestrator(builder.Resources,
            new OrchestrationContext(builder.Options, ResourceNotifications, ResourceLogs, _http));
    }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) =>
        new(args, DistributedApplicationTestingBuilder.ConfigureForTesting);

    /// <summary>The configuration the AppHost was built in; the services are started from the same one.</summary>
    internal static string BuildConfiguration { get; } =
        typeof(DistributedApplication).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public ResourceNotificationService ResourceNotifications { get; } = new();
    public ResourceLoggerService ResourceLogs { get; }
    public IReadOnlyList<Resource> Resources => _builder.Resources;
    public DistributedApplicationOptions Options => _builder.Options;

    internal static DistributedApplication OnBuild(DistributedApplicationBuilder builder)
    {
        DistributedApplicationTestingBuilder.InterceptBuild(builder);
        return builder.BuildApplication();
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycleGate.WaitAsync(cancellationToken);
        try
        {
            if (Options.Fresh && Directory.Exists(Options.DataDirectory))
            {
                Directory.Delete(Options.DataDirectory, recursive: true);
            }
            Directory.CreateDirectory(Options.DataDirectory);
            SecretStore.Resolve(Resources.OfType<ParameterResource>(), Options.DataDirectory);
            _started = true;
            if (Options.Dashboard is { } dashboard)
            {
                // First, as in Aspire: operators watch the start-up, and services export telemetry from their first line.
                _dashboard = new DashboardHost(this, dashboard);
                await _dashboard.StartAsync(cancellationToken);
            }
            await _orchestrator.StartAsync(cancellationToken);
        }
        finally
        {
            _lifecycleGate.Release();
        }
    }

    public async Task StopAsync()
    {
        await _lifecycleGate.WaitAsync();
        try
        {
            if (_started)
            {
                await _orchestrator.StopAsync();
                if (_dashboard is not null)
                {
                    await _dashboard.DisposeAsync();
                    _dashboard = null;
                }
                _started = false;
            }
        }
        finally
        {
            _lifecycleGate.Release();
        }
    }

    /// <summary>Runs until Ctrl+C or SIGTERM; exits non-zero when the graph cannot start.</summary>
    public void Run() => Environment.ExitCode = RunAsync().GetAwaiter().GetResult();

    public async Task<int> RunAsync()
    {
        if (_builder.Args is [TokenCommand.Verb, ..])
        {
            try
            {
                return TokenCommand.Run(this, _builder.Args);
            }
            catch (DistributedApplicationException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
        }
        if (Options.ManifestPath is { } manifestPath)
        {
            await ManifestPublisher.WriteAsync(this, manifestPath);
            Console.WriteLine($"Wrote the manifest to {Path.GetFullPath(manifestPath)}");
            return 0;
        }

        using var shutdown = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            await StartAsync(shutdown.Token);
            PrintSummary();
            await Task.Delay(Timeout.Infinite, shutdown.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            Console.WriteLine("Stopping Haven...");
            return 0;
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            Console.WriteLine("Start-up interrupted; stopping what had started...");
            return 130;
        }
        catch (DistributedApplicationException e)
        {
            Console.ForegroundColor = ConsoleColor.Red;
            Console.Error.WriteLine($"Haven could not start: {e.Message}");
            Console.ResetColor();
            return 1;
        }
        finally
        {
            await DisposeAsync();
        }

        void OnSignal(PosixSignalContext context)
        {
            // Keep the process alive until every child has been stopped.
            context.Cancel = true;
            shutdown.Cancel();
        }
    }

    public string? GetConnectionString(string resourceName) =>
        Resources.OfType<IResourceWithConnectionString>().SingleOrDefault(r => r.Name == resourceName)?.ConnectionString
        ?? throw new DistributedApplicationException($"No resource with a connection string named '{resourceName}'.");

    public Uri GetEndpoint(string projectName, int replica = 0) =>
        Resources.OfType<ProjectResource>().SingleOrDefault(p => p.Name == projectName)?.HttpEndpoints.ElementAtOrDefault(replica)
        ?? throw new DistributedApplicationException($"No endpoint for '{projectName}' replica {replica}.");

    /// <summary>Stops one replica of a project, as a crash or a deployment would.</summary>
    public Task StopReplicaAsync(string projectName, int replica = 0) => _orchestrator.Project(projectName).StopReplicaAsync(replica);

    /// <summary>Starts a stopped replica again on its endpoint, and returns once it is healthy.</summary>
    public Task StartReplicaAsync(string projectName, int replica = 0, CancellationToken cancellationToken = default) =>
        _orchestrator.Project(projectName).StartReplicaAsync(replica, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        if (Options.DeleteDataOnDispose && Directory.Exists(Options.DataDirectory))
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
    }

    private void PrintSummary()
    {
        var gateway = Resources.OfType<ProjectResource>().FirstOrDefault(p => p.IsExternal);
        var broker = Resources.OfType<RabbitMQServerResource>().FirstOrDefault();
        Console.ForegroundColor = ConsoleColor.Green;
        Console.WriteLine();
        Console.WriteLine("Haven is running; every resource is healthy.");
        if (gateway is not null)
        {
            Console.WriteLine($"  Gateway:             {gateway.HttpEndpoints[0].ToString().Replace("127.0.0.1", "localhost").TrimEnd('/')}");
        }
        if (broker?.ManagementUrl is { } managementUrl)
        {
            Console.WriteLine($"  RabbitMQ management: {managementUrl}  (user {broker.UserName.Value}, password {broker.Password.Value})");
        }
        if (Options.Dashboard is { } dashboard)
        {
            Console.WriteLine($"  Dashboard:           {dashboard.LoginUrl}");
        }
        Console.WriteLine($"  Data folder:         {Options.DataDirectory}");
        Console.WriteLine("  Press Ctrl+C to stop.");
        Console.ResetColor();
        Console.WriteLine();
    }
}
