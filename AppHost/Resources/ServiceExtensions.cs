namespace Haven.AppHost.Resources;

public static class ServiceExtensions
{
    /// <summary>
    /// One of Haven's services: an http endpoint (services have no launch profiles), healthy when its <c>/health</c> answers
    /// (its database and broker reachable), and, when run locally, in the Development environment and trusting the
    /// development identity provider.
    /// </summary>
    /// <param name="publicPort">
    /// Clients reach the service directly on this port, not through the orchestrator's proxy: a TCP proxy would show every
    /// client as itself, and the gateway's per-address rate limits need each client's own address.
    /// </param>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name,
        DevelopmentIdentity? identity, int? publicPort = null)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithHttpEndpoint(port: publicPort, isProxied: publicPort is null)
            .WithHttpHealthCheck("/health");
        if (builder.ExecutionContext.IsRunMode)
        {
            // A local run or test is development (plain-http webhooks to local receivers, say); a deployment sets its own.
            service.WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development").WithEnvironment("DOTNET_ENVIRONMENT", "Development");
        }
        return identity is null ? service : service.WithReference(identity);
    }
}
