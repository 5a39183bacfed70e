using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Haven.Hosting;

/// <summary>
/// RabbitMQ as a node of its own: its own epmd, node name, data, log and config in our data folder, so it
/// neither meets a system broker nor outlives the AppHost (a default epmd would daemonize and stay).
/// </summary>
internal sealed class RabbitMQLifecycle(RabbitMQServerResource broker, OrchestrationContext context) : ResourceLifecycle(broker, context)
{
    protected override string ResourceType => "RabbitMQ";

    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string InstallHint = "install it with: apt-get install -y rabbitmq-server (./haven does this for you)";

    private ManagedProcess? _epmd;
    private ManagedProcess? _server;
    private volatile bool _stopping;

    private string Home => Path.Combine(Context.Options.DataDirectory, "rabbitmq");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var instance = broker.Name;
        MarkStarting(instance);
        if (!File.Exists(ServerScript))
        {
            throw new DistributedApplicationException($"rabbitmq-server not found — {InstallHint}");
        }

        broker.Port = PortAllocator.GetFreePort();
        broker.ManagementPort = broker.ManagementPluginEnabled ? PortAllocator.GetFreePort() : null;
        var epmdPort = PortAllocator.GetFreePort();
        var environment = PrepareNode(epmdPort);

        _epmd = ManagedProcess.Start($"{instance}-epmd", "epmd", ["-port", epmdPort.ToString(), "-address", "127.0.0.1"],
            environment, Home, Context.Logs);
        _server = ManagedProcess.Start(instance, ServerScript, [], environment, Home, Context.Logs);
        WatchExit(instance, _server, () => _stopping);
        Context.Notifications.Update(instance, s => s with
        {
            State = ResourceState.Running,
            ProcessId = _server.Id,
            Urls = [$"amqp://127.0.0.1:{broker.Port}", .. broker.ManagementUrl is { } ui ? [ui] : Array.Empty<string>()],
        });

        // The AMQP listener opens last in RabbitMQ's boot, so accepting a connection means the node is ready.
        await WaitUntilAsync(AmqpAcceptsAsync, _server, instance, cancellationToken);
        if (broker.ManagementPluginEnabled)
        {
            await WaitUntilAsync(ManagementAnswersAsync, _server, instance, cancellationToken);
        }
        SetState(instance, ResourceState.Healthy);
    }

    public override async Task StopAsync()
    {
        _stopping = true;
        // The server script turns SIGTERM into "rabbitmqctl stop", a clean shutdown of the node.
        if (_server is not null)
        {
            await _server.StopAsync(TimeSpan.FromSeconds(30));
        }
        if (_epmd is not null)
        {
            await _epmd.StopAsync(TimeSpan.FromSeconds(5));
        }
    }

    private Dictionary<string, string> PrepareNode(int epmdPort)
    {
        Directory.CreateDirectory(Path.Combine(Home, "mnesia"));
        Directory.CreateDirectory(Path.Combine(Home, "log"));
        var config = Path.Combine(Home, "rabbitmq");
        File.WriteAllText(config + ".conf", $"""
            listeners.tcp.default = 127.0.0.1:{broker.Port}
            default_user = {broker.UserName.Value}
            default_pass = {broker.Password.Value}
            loopback_users = none
            log.console = true
            log.console.level = warning
            log.file = false
            {(broker.ManagementPort is { } ui ? $"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {ui}" : "")}
            """);
        File.WriteAllText(Path.Combine(Home, "enabled_plugins"), broker.ManagementPluginEnabled ? "[rabbitmq_management]." : "[].");

        return new Dictionary<string, string>
        {
            // One node name per data folder, so a test run and a local run never meet.
            ["RABBITMQ_NODENAME"] = $"haven-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Home)))[..8]}@localhost",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(Home, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(Home, "log"),
            ["RABBITMQ_CONFIG_FILE"] = config,
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(Home, "advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(Home, "rabbitmq-env.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Home, "enabled_plugins"),
            ["RABBITMQ_FEATURE_FLAGS_FILE"] = Path.Combine(Home, "feature_flags"),
            ["RABBITMQ_PLUGINS_EXPAND_DIR"] = Path.Combine(Home, "plugins-expand"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(Home, "rabbitmq.pid"),
            ["RABBITMQ_DIST_PORT"] = PortAllocator.GetFreePort().ToString(),
            ["ERL_EPMD_PORT"] = epmdPort.ToString(),
            // The Erlang cookie lives in $HOME.
            ["HOME"] = Home,
        };
    }

    private async Task<bool> AmqpAcceptsAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", broker.Port!.Value, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task<bool> ManagementAnswersAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{broker.ManagementUrl}/api/overview");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{broker.UserName.Value}:{broker.Password.Value}")));
        try
        {
            using var response = await Context.Http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Refused, or slower than the client's timeout: not ready yet.
            return false;
        }
    }
}
