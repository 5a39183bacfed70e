using System.Security.Cryptography;
using System.Text;

namespace Haven.AppHost.Resources;

public static class LocalRabbitMQExtensions
{
    /// <summary>The version run here (Debian 12's), and the image tag published: what is tested is what is deployed.</summary>
    public const string Version = "3.10";

    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource> userName, IResourceBuilder<ParameterResource> password, LocalData data)
    {
        var home = data.PathFor("rabbitmq");
        var broker = new LocalRabbitMQResource(name, home, userName.Resource, password.Resource);
        if (!File.Exists(broker.Command))
        {
            throw new DistributedApplicationException("RabbitMQ is not installed: apt-get install -y rabbitmq-server (./haven does this for you).");
        }
        Directory.CreateDirectory(home);

        var portMapper = new ErlangPortMapperResource($"{name}-epmd", home);
        builder.AddResource(portMapper)
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "ERL_EPMD_PORT", isProxied: false)
            .WithArgs("-address", "127.0.0.1")
            .WithParentRelationship(broker)
            .WithHealthCheck(TcpHealthChecks.Add(builder, $"{name}-epmd-listens", () => portMapper.Endpoint.Port, send: [], expect: []));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(broker, (e, ct) => WriteConfigurationAsync(broker, ct));

        // The broker answers AMQP's protocol header with a Connection.Start frame (frame type 1) once it is ready.
        var healthCheck = TcpHealthChecks.Add(builder, $"{name}-answers-amqp", () => broker.Amqp.Port, send: "AMQP\0\0\x09\x01"u8.ToArray(), expect: [1]);

        var node = $"haven-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(home)))[..8]}@localhost";
        return builder.AddResource(broker)
            .WithEndpoint(name: "amqp", scheme: "tcp", env: "RABBITMQ_NODE_PORT")
            .WithHttpEndpoint(name: "management")
            .WithUrlForEndpoint("management", url => url.DisplayText = "RabbitMQ management")
            // 0 crashes the node and the default (AMQP port + 20000) can clash: a port of its own.
            .WithEndpoint(name: "dist", scheme: "tcp", env: "RABBITMQ_DIST_PORT", isProxied: false)
            .WithEnvironment(context =>
            {
                // One node name per data folder, so that a test run and a local run never meet.
                context.EnvironmentVariables["RABBITMQ_NODENAME"] = node;
                context.EnvironmentVariables["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["ERL_EPMD_PORT"] = portMapper.Endpoint.Property(EndpointProperty.Port);
                context.EnvironmentVariables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = ReferenceExpression.Create(
                    $"-rabbitmq_management tcp_config [{{ip,\"127.0.0.1\"}},{{port,{broker.Management.Property(EndpointProperty.TargetPort)}}}]");
                foreach (var (variable, path) in new Dictionary<string, string>
                {
                    ["RABBITMQ_MNESIA_BASE"] = "mnesia",
                    ["RABBITMQ_LOG_BASE"] = "log",
                    ["RABBITMQ_CONFIG_FILE"] = "rabbitmq",
                    ["RABBITMQ_ADVANCED_CONFIG_FILE"] = "advanced.config",
                    ["RABBITMQ_CONF_ENV_FILE"] = "rabbitmq-env.conf",
                    ["RABBITMQ_ENABLED_PLUGINS_FILE"] = "enabled_plugins",
                    ["RABBITMQ_FEATURE_FLAGS_FILE"] = "feature_flags",
                    ["RABBITMQ_PLUGINS_EXPAND_DIR"] = "plugins-expand",
                    ["RABBITMQ_PID_FILE"] = "rabbitmq.pid",
                    // The Erlang cookie lives in $HOME.
                    ["HOME"] = "",
                })
                {
                    context.EnvironmentVariables[variable] = Path.Combine(home, path);
                }
            })
            .WaitFor(builder.CreateResourceBuilder(portMapper))
            .WithHealthCheck(healthCheck);
    }

    private static async Task WriteConfigurationAsync(LocalRabbitMQResource broker, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(broker.Home, "rabbitmq.conf"), $"""
            default_user = {await broker.UserName.GetValueAsync(cancellationToken)}
            default_pass = {await broker.Password.GetValueAsync(cancellationToken)}
            loopback_users = none
            log.console = true
            log.console.level = warning
            log.file = false
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(broker.Home, "enabled_plugins"), "[rabbitmq_management].", cancellationToken);
    }
}
