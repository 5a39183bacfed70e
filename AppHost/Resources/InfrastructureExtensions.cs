namespace Haven.AppHost.Resources;

/// <summary>
/// The servers the services need. Run (locally, in tests): this machine's PostgreSQL, RabbitMQ and a mail catcher, as
/// processes of the graph, since there is no container engine here. Published: Aspire's container resources with the
/// same versions, so the manifest deploys what was tested.
/// </summary>
public static class InfrastructureExtensions
{
    public static IResourceBuilder<IResourceWithConnectionString> AddPostgresServer(this IDistributedApplicationBuilder builder,
        string name, LocalData? data)
    {
        var password = builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 24, Special = false },
            secret: true, persist: true);
        return data is null
            ? builder.AddPostgres(name, password: password).WithImageTag(LocalPostgresExtensions.MajorVersion)
            : builder.AddLocalPostgres(name, password, data);
    }

    public static IResourceBuilder<IResourceWithConnectionString> AddDatabase(this IResourceBuilder<IResourceWithConnectionString> server,
        string name) => server.Resource switch
        {
            LocalPostgresResource local => server.ApplicationBuilder.CreateResourceBuilder(local).AddDatabase(name),
            PostgresServerResource container => PostgresBuilderExtensions.AddDatabase(server.ApplicationBuilder.CreateResourceBuilder(container), name),
            _ => throw new ArgumentException($"{server.Resource.Name} is not a PostgreSQL server.", nameof(server)),
        };

    public static IResourceBuilder<IResourceWithConnectionString> AddMessageBroker(this IDistributedApplicationBuilder builder,
        string name, LocalData? data)
    {
        var userName = builder.AddParameter($"{name}-username", new GenerateParameterDefault { MinLength = 12, Special = false, Upper = false },
            persist: true);
        var password = builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 24, Special = false },
            secret: true, persist: true);
        return data is null
            ? builder.AddRabbitMQ(name, userName, password).WithManagementPlugin().WithImageTag($"{LocalRabbitMQExtensions.Version}-management")
            : builder.AddLocalRabbitMQ(name, userName, password, data);
    }

    /// <summary>
    /// The broker's management HTTP API, for the service that provisions partners' users and queues on it:
    /// <c>Endpoint=http://host:port;Username=…;Password=…</c>, the broker's own administrator.
    /// </summary>
    public static IResourceBuilder<ConnectionStringResource> AddManagementConnection(this IResourceBuilder<IResourceWithConnectionString> broker,
        string name)
    {
        var (endpoint, userName, password) = broker.Resource switch
        {
            LocalRabbitMQResource local => (local.Management, ReferenceExpression.Create($"{local.UserName}"), local.Password),
            RabbitMQServerResource container => (container.ManagementEndpoint, container.UserNameReference, container.PasswordParameter),
            _ => throw new ArgumentException($"{broker.Resource.Name} is not a RabbitMQ broker.", nameof(broker)),
        };
        return broker.ApplicationBuilder.AddConnectionString(name, ReferenceExpression.Create(
            $"Endpoint=http://{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)};Username={userName};Password={password}"));
    }

    /// <summary>Published, the mail relay is the deployment's own: its connection string is a parameter.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddMailServer(this IDistributedApplicationBuilder builder,
        string name, LocalData? data) =>
        data is null ? builder.AddConnectionString(name) : builder.AddLocalSmtpServer(name, data);
}
