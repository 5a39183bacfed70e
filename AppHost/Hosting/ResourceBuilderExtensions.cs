namespace Haven.Hosting;

/// <summary>The graph-building calls of Aspire's hosting API that Haven uses.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this DistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddParameter($"{name}-password");
        return builder.AddResource(new PostgresServerResource(name, password));
    }

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server,
        string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        database.WaitsFor.Add(server.Resource);
        return server.ApplicationBuilder.AddResource(database);
    }

    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this DistributedApplicationBuilder builder, string name)
    {
        var userName = builder.AddParameter($"{name}-username", minLength: 12);
        var password = builder.AddParameter($"{name}-password");
        return builder.AddResource(new RabbitMQServerResource(name, userName, password));
    }

    public static IResourceBuilder<RabbitMQServerResource> WithManagementPlugin(this IResourceBuilder<RabbitMQServerResource> broker)
    {
        broker.Resource.ManagementPluginEnabled = true;
        return broker;
    }

    /// <summary>A local SMTP server that stores mail on disk (see <see cref="SmtpServerResource"/>).</summary>
    public static IResourceBuilder<SmtpServerResource> AddSmtpServer(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new SmtpServerResource(name));

    /// <param name="projectPath">The project file, relative to the AppHost's folder.</param>
    public static IResourceBuilder<ProjectResource> AddProject(this DistributedApplicationBuilder builder, string name, string projectPath) =>
        builder.AddResource(new ProjectResource(name, Path.GetFullPath(Path.Combine(builder.AppHostDirectory, projectPath))));

    /// <summary>Passes the source's connection string as <c>ConnectionStrings__{source}</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithReference<TSource>(this IResourceBuilder<ProjectResource> project,
        IResourceBuilder<TSource> source) where TSource : Resource, IResourceWithConnectionString
    {
        project.Resource.ConnectionStringReferences.Add(source.Resource);
        return project;
    }

    /// <summary>Passes the other project's endpoints for service discovery as <c>services__{name}__http__{i}</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> project,
        IResourceBuilder<ProjectResource> service)
    {
        project.Resource.ServiceReferences.Add(service.Resource);
        return project;
    }

    public static IResourceBuilder<DevelopmentIdentityResource> AddDevelopmentIdentity(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new DevelopmentIdentityResource(name));

    public static IResourceBuilder<DevelopmentIdentityResource> WithInstitution(this IResourceBuilder<DevelopmentIdentityResource> identity,
        string institution, string? network = null)
    {
        identity.Resource.Institutions.Add(new DevelopmentInstitution(institution, network));
        return identity;
    }

    /// <summary>Makes the project trust the development provider's issuers, as a deployment's <c>Identity</c> section would.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> project,
        IResourceBuilder<DevelopmentIdentityResource> identity)
    {
        project.Resource.IdentityReference = identity.Resource;
        project.Resource.WaitsFor.Add(identity.Resource);
        return project;
    }

    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> resource, IResourceBuilder<Resource> dependency)
        where T : Resource
    {
        resource.Resource.WaitsFor.Add(dependency.Resource);
        return resource;
    }

    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> project, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        project.Resource.Replicas = replicas;
        return project;
    }

    /// <param name="port">The port of the first replica; null or 0 picks a free port.</param>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> project, int? port = null)
    {
        project.Resource.HttpPort = port is 0 ? null : port;
        return project;
    }

    public static IResourceBuilder<ProjectResource> WithExternalHttpEndpoints(this IResourceBuilder<ProjectResource> project)
    {
        project.Resource.IsExternal = true;
        return project;
    }

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> project, string name, string value)
    {
        project.Resource.Environment[name] = value;
        return project;
    }

    private static ParameterResource AddParameter(this DistributedApplicationBuilder builder, string name, int minLength = 22) =>
        builder.AddResource(new ParameterResource(name, minLength)).Resource;
}
