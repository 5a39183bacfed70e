using System.Text.Json;
using System.Text.Json.Nodes;

namespace Haven.Hosting;

/// <summary>
/// Writes the graph as an Aspire manifest (schema aspire-8.0), the hand-off to Aspire's deployment tools:
/// the servers we run as local processes become the containers a deployment would run.
/// </summary>
public static class ManifestPublisher
{
    private const string PostgresImage = "docker.io/library/postgres:15";
    private const string RabbitMQImage = "docker.io/library/rabbitmq:3.10";
    private const string RabbitMQManagementImage = "docker.io/library/rabbitmq:3.10-management";
    // A mail catcher stands in for the local SMTP server; a production deployment replaces the connection string with its relay.
    private const string MailCatcherImage = "docker.io/axllent/mailpit:v1.21";

    public static async Task WriteAsync(DistributedApplication app, string path)
    {
        var manifest = Create(app.Resources, Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <param name="manifestDirectory">Project paths are written relative to it, as Aspire does.</param>
    public static JsonObject Create(IEnumerable<Resource> resources, string manifestDirectory)
    {
        var written = new JsonObject();
        // The development identity provider is local only: a deployment trusts its institutions' own providers.
        foreach (var resource in resources.Where(r => r is not DevelopmentIdentityResource))
        {
            written[resource.Name] = resource switch
            {
                ParameterResource parameter => Parameter(parameter),
                PostgresServerResource server => Postgres(server),
                PostgresDatabaseResource database => new JsonObject
                {
                    ["type"] = "value.v0",
                    ["connectionString"] = database.ConnectionStringExpression,
                },
                RabbitMQServerResource broker => RabbitMQ(broker),
                SmtpServerResource smtp => Smtp(smtp),
                ProjectResource project => Project(project, manifestDirectory),
                _ => throw new NotSupportedException($"No manifest form for {resource.GetType().Name}."),
            };
        }
        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/aspire-8.0.json",
            ["resources"] = written,
        };
    }

    private static JsonObject Parameter(ParameterResource parameter) => new()
    {
        ["type"] = "parameter.v0",
        ["value"] = $"{{{parameter.Name}.inputs.value}}",
        ["inputs"] = new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["type"] = "string",
                ["secret"] = true,
                ["default"] = new JsonObject
                {
                    ["generate"] = new JsonObject { ["minLength"] = parameter.MinLength, ["special"] = false },
                },
            },
        },
    };

    private static JsonObject Postgres(PostgresServerResource server) => new()
    {
        ["type"] = "container.v0",
        ["connectionString"] = server.ConnectionStringExpression,
        ["image"] = PostgresImage,
        ["env"] = new JsonObject
        {
            ["POSTGRES_HOST_AUTH_METHOD"] = "scram-sha-256",
            ["POSTGRES_INITDB_ARGS"] = "--auth-host=scram-sha-256 --auth-local=scram-sha-256",
            ["POSTGRES_USER"] = PostgresServerResource.UserName,
            ["POSTGRES_PASSWORD"] = $"{{{server.Password.Name}.value}}",
        },
        ["bindings"] = new JsonObject { ["tcp"] = TcpBinding(5432) },
    };

    private static JsonObject RabbitMQ(RabbitMQServerResource broker)
    {
        var bindings = new JsonObject { ["tcp"] = TcpBinding(5672) };
        if (broker.ManagementPluginEnabled)
        {
            bindings["management"] = new JsonObject
            {
                ["scheme"] = "http", ["protocol"] = "tcp", ["transport"] = "http", ["targetPort"] = 15672,
            };
        }
        return new JsonObject
        {
            ["type"] = "container.v0",
            ["connectionString"] = broker.ConnectionStringExpression,
            ["image"] = broker.ManagementPluginEnabled ? RabbitMQManagementImage : RabbitMQImage,
            ["env"] = new JsonObject
            {
                ["RABBITMQ_DEFAULT_USER"] = $"{{{broker.UserName.Name}.value}}",
                ["RABBITMQ_DEFAULT_PASS"] = $"{{{broker.Password.Name}.value}}",
            },
            ["bindings"] = bindings,
        };
    }

    private static JsonObject Smtp(SmtpServerResource smtp) => new()
    {
        ["type"] = "container.v0",
        ["connectionString"] = smtp.ConnectionStringExpression,
        ["image"] = MailCatcherImage,
        ["bindings"] = new JsonObject
        {
            ["smtp"] = TcpBinding(SmtpServerResource.TargetPort),
            ["http"] = new JsonObject { ["scheme"] = "http", ["protocol"] = "tcp", ["transport"] = "http", ["targetPort"] = 8025 },
        },
    };

    private static JsonObject Project(ProjectResource project, string manifestDirectory)
    {
        var environment = new JsonObject
        {
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["HTTP_PORTS"] = $"{{{project.Name}.bindings.http.targetPort}}",
        };
        foreach (var (name, value) in project.Environment)
        {
            environment[name] = value;
        }
        foreach (var reference in project.ConnectionStringReferences)
        {
            environment[$"ConnectionStrings__{reference.Name}"] = $"{{{reference.Name}.connectionString}}";
        }
        foreach (var service in project.ServiceReferences)
        {
            environment[$"services__{service.Name}__http__0"] = $"{{{service.Name}.bindings.http.url}}";
        }

        var http = new JsonObject { ["scheme"] = "http", ["protocol"] = "tcp", ["transport"] = "http" };
        if (project.IsExternal)
        {
            http["external"] = true;
        }
        return new JsonObject
        {
            ["type"] = "project.v0",
            ["path"] = Path.GetRelativePath(manifestDirectory, project.ProjectPath),
            ["env"] = environment,
            ["bindings"] = new JsonObject { ["http"] = http },
        };
    }

    private static JsonObject TcpBinding(int targetPort) => new()
    {
        ["scheme"] = "tcp", ["protocol"] = "tcp", ["transport"] = "tcp", ["targetPort"] = targetPort,
    };
}
