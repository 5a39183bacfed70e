namespace Haven.AppHost.Resources;

public static class DevelopmentIdentityExtensions
{
    /// <summary>
    /// The development OpenID Connect provider (<c>src/DevIdentity</c>, OpenIddict) as a project of the graph, reached by the
    /// browser through the gateway under <c>/identity/</c>: the one public entry, so redirects, cookies and issuers all
    /// carry the gateway's address, whoever asks.
    /// </summary>
    public static DevelopmentIdentity AddDevelopmentIdentity(this IDistributedApplicationBuilder builder, LocalData data, int gatewayPort)
    {
        var identity = DevelopmentIdentity.Open(data.Directory, $"http://localhost:{gatewayPort}");
        builder.Services.AddSingleton(identity);
        identity.Provider = builder.AddService<Projects.DevIdentity>(DevelopmentIdentity.ResourceName, identity: null)
            .WithEnvironment("DevIdentity__PublicOrigin", identity.PublicOrigin)
            .WithEnvironment("DevIdentity__SigningKeyFile", identity.SigningKeyFile)
            .WithEnvironment("DevIdentity__CliSecretFile", identity.CliSecretFile)
            .WithEnvironment("DevIdentity__Directory", identity.DirectoryJson())
            .WithEnvironment(context =>
            {
                // The WebApp's callbacks (one sign-in scheme per institution, see src/WebApp), at the gateway's address.
                var index = 0;
                foreach (var institution in identity.Institutions)
                {
                    context.EnvironmentVariables[$"DevIdentity__WebAppRedirectUris__{index}"] = $"{identity.PublicOrigin}/signin-oidc-{institution.Id}";
                    context.EnvironmentVariables[$"DevIdentity__WebAppPostLogoutRedirectUris__{index}"] =
                        $"{identity.PublicOrigin}/signout-callback-oidc-{institution.Id}";
                    index++;
                }
            });
        return identity;
    }

    /// <summary>
    /// Makes the project trust the development provider, in the shape of a deployment's <c>Identity</c> section: one issuer per
    /// demo institution, its keys found through discovery (<c>MetadataAddress</c>) as with any real provider.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> project, DevelopmentIdentity identity) =>
        project.WaitFor(identity.Provider).WithEnvironment(context =>
        {
            context.EnvironmentVariables["Identity__Audience"] = Haven.Identity.IdentityOptions.DefaultAudience;
            foreach (var institution in identity.Institutions)
            {
                var prefix = $"Identity__Institutions__{institution.Id}";
                context.EnvironmentVariables[$"{prefix}__Issuers__0__Issuer"] = identity.IssuerFor(institution.Id);
                context.EnvironmentVariables[$"{prefix}__Issuers__0__MetadataAddress"] = identity.MetadataAddressFor(institution.Id);
                if (institution.Network is not null)
                {
                    context.EnvironmentVariables[$"{prefix}__Network"] = institution.Network;
                }
            }
        });

    /// <summary>The gateway forwards <c>/identity/…</c> to the provider, a route that exists only when the provider does.</summary>
    public static IResourceBuilder<ProjectResource> WithIdentityRoute(this IResourceBuilder<ProjectResource> gateway, DevelopmentIdentity? identity)
    {
        if (identity is null)
        {
            return gateway;
        }
        return gateway.WithReference(identity.Provider)
            .WithEnvironment("ReverseProxy__Routes__identity__ClusterId", DevelopmentIdentity.ResourceName)
            .WithEnvironment("ReverseProxy__Routes__identity__Match__Path", "/identity/{**catch-all}")
            // Signing in needs no token; no rate limit either, so a sign-in never competes with anonymous reporters' budget.
            .WithEnvironment("ReverseProxy__Routes__identity__AuthorizationPolicy", "anonymous")
            .WithEnvironment($"ReverseProxy__Clusters__identity__Destinations__identity__Address", $"http://{DevelopmentIdentity.ResourceName}");
    }
}
