namespace Haven.AppHost.Resources;

public static class ServiceExtensions
{
    /// <summary>
    /// One of Haven's services: an http endpoint (services have no launch profiles), healthy when its <c>/health</c> answers
    /// (its database and broker reachable), and trusting the development identity provider when there is one.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<DevelopmentIdentityResource>? identity, int? port = null)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithHttpEndpoint(port: port)
            .WithHttpHealthCheck("/health");
        return identity is null ? service : service.WithReference(identity);
    }
}
