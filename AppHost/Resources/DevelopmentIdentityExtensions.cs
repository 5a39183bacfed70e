namespace Haven.AppHost.Resources;

public static class DevelopmentIdentityExtensions
{
    /// <summary>The institutions a local run plays the providers of, and their networks.</summary>
    public static readonly IReadOnlyList<DevelopmentInstitution> DemoInstitutions =
    [
        new("mercy", "lakeshore-coalition"),
        new("lakeside", "lakeshore-coalition"),
        new("northfield", "prairie-network"),
    ];

    public static IResourceBuilder<DevelopmentIdentityResource> AddDevelopmentIdentity(this IDistributedApplicationBuilder builder,
        string name, LocalData data)
    {
        var identity = new DevelopmentIdentityResource(name);
        identity.Institutions.AddRange(DemoInstitutions);
        identity.LoadSigningKey(data.Directory);
        // Nothing to start: it signs in the AppHost, and services pin its public key.
        return builder.AddResource(identity).WithInitialState(new CustomResourceSnapshot
        {
            ResourceType = "DevelopmentIdentity",
            State = KnownResourceStates.Running,
            Properties = [],
            Urls = [.. identity.Institutions.Select(i => new UrlSnapshot(i.Id, DevelopmentIdentityResource.IssuerFor(i.Id), IsInternal: false))],
        });
    }

    /// <summary>Makes the project trust the development issuers, in the shape of a deployment's <c>Identity</c> section.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> project,
        IResourceBuilder<DevelopmentIdentityResource> identity) =>
        project.WithEnvironment(context =>
        {
            var jwks = identity.Resource.PublicJwks();
            context.EnvironmentVariables["Identity__Audience"] = DevelopmentIdentityResource.Audience;
            foreach (var institution in identity.Resource.Institutions)
            {
                var prefix = $"Identity__Institutions__{institution.Id}";
                context.EnvironmentVariables[$"{prefix}__Issuers__0__Issuer"] = DevelopmentIdentityResource.IssuerFor(institution.Id);
                context.EnvironmentVariables[$"{prefix}__Issuers__0__Jwks"] = jwks;
                if (institution.Network is not null)
                {
                    context.EnvironmentVariables[$"{prefix}__Network"] = institution.Network;
                }
            }
        });
}
