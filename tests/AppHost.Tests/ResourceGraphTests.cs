namespace Haven.AppHost.Tests;

public sealed class The_resource_graph : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("haven-graph-");

    [Fact]
    public async Task Every_service_references_and_waits_for_its_database_and_the_broker()
    {
        var resources = await ResourcesAsync();
        var services = resources.OfType<ProjectResource>().Where(p => p.Name is not ("gateway" or "identity" or "webapp")).ToList();

        Assert.Equal(["audit", "escalation", "intake", "notification", "peersupport"], services.Select(s => s.Name).Order());
        Assert.All(services, service =>
        {
            var database = Assert.Single(References(service).OfType<LocalPostgresDatabaseResource>());
            Assert.Equal($"{service.Name}db", database.Name);
            Assert.Contains(database, WaitsFor(service));
            Assert.Contains(References(service), r => r is LocalRabbitMQResource);
            Assert.Contains(WaitsFor(service), r => r is LocalRabbitMQResource);
        });
    }

    [Fact]
    public async Task Every_service_but_audit_waits_for_audit_which_records_what_they_say()
    {
        // The development identity provider and the web application have no database and no broker: they say nothing to audit.
        var services = (await ResourcesAsync()).OfType<ProjectResource>().Where(p => p.Name is not ("audit" or "gateway" or "identity" or "webapp"));

        Assert.All(services, service => Assert.Contains(WaitsFor(service), r => r.Name == "audit"));
    }

    [Fact]
    public async Task The_gateway_references_and_waits_for_every_service_and_is_the_one_external_endpoint()
    {
        var resources = await ResourcesAsync();
        var gateway = resources.OfType<ProjectResource>().Single(p => p.Name == "gateway");
        var services = resources.OfType<ProjectResource>().Where(p => p != gateway).ToList();

        Assert.All(services, s => Assert.Contains(s, References(gateway)));
        Assert.All(services, s => Assert.Contains(s, WaitsFor(gateway)));
        Assert.Equal(["gateway"], resources.Where(r => r.Annotations.OfType<EndpointAnnotation>().Any(e => e.IsExternal)).Select(r => r.Name));
    }

    [Fact]
    public async Task The_web_app_is_served_by_the_gateway_and_reaches_the_services_only_through_it()
    {
        var resources = await ResourcesAsync();
        var gateway = resources.OfType<ProjectResource>().Single(p => p.Name == "gateway");
        var webApp = resources.OfType<ProjectResource>().Single(p => p.Name == "webapp");

        Assert.Contains(webApp, WaitsFor(gateway));
        // Besides the gateway, only the identity provider it signs people in with.
        Assert.Equal(["gateway"], References(webApp).OfType<ProjectResource>().Select(r => r.Name).Where(name => name != "identity"));
    }

    [Theory]
    [InlineData(new string[0], 8080)]
    [InlineData(new[] { "--gateway-port", "9090" }, 9090)]
    public async Task The_gateway_port_defaults_to_8080_and_can_be_changed(string[] args, int port)
    {
        var gateway = (await ResourcesAsync(args)).OfType<ProjectResource>().Single(p => p.Name == "gateway");

        Assert.Equal(port, gateway.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").Port);
    }

    [Fact]
    public async Task Services_trust_the_development_identity_provider_of_each_demo_institution_through_discovery()
    {
        var resources = await ResourcesAsync("--gateway-port", "9090");
        var intake = resources.OfType<ProjectResource>().Single(p => p.Name == "intake");
        var provider = resources.OfType<ProjectResource>().Single(p => p.Name == "identity");

        var environment = await EnvironmentOfAsync(intake);

        Assert.Equal("haven", environment["Identity__Audience"]);
        Assert.Equal("lakeshore-coalition", environment["Identity__Institutions__mercy__Network"]);
        Assert.Equal("http://localhost:9090/identity/northfield", environment["Identity__Institutions__northfield__Issuers__0__Issuer"]);
        Assert.Equal("http://localhost:9090/identity/lakeside/.well-known/openid-configuration",
            environment["Identity__Institutions__lakeside__Issuers__0__MetadataAddress"]);
        Assert.DoesNotContain(environment.Keys, key => key.EndsWith("__Jwks", StringComparison.Ordinal));
        Assert.Contains(provider, WaitsFor(intake));
    }

    [Fact]
    public async Task The_identity_provider_is_reached_through_the_gateway_and_knows_every_demo_institution()
    {
        var resources = await ResourcesAsync("--gateway-port", "9090");
        var gateway = resources.OfType<ProjectResource>().Single(p => p.Name == "gateway");
        var provider = resources.OfType<ProjectResource>().Single(p => p.Name == "identity");

        var gatewayEnvironment = await EnvironmentOfAsync(gateway);
        var providerEnvironment = await EnvironmentOfAsync(provider);

        Assert.Equal("/identity/{**catch-all}", gatewayEnvironment["ReverseProxy__Routes__identity__Match__Path"]);
        Assert.Equal("http://identity", gatewayEnvironment["ReverseProxy__Clusters__identity__Destinations__identity__Address"]);
        Assert.Equal("http://localhost:9090", providerEnvironment["DevIdentity__PublicOrigin"]);
        Assert.True(File.Exists(providerEnvironment["DevIdentity__SigningKeyFile"]));
        Assert.Equal(["lakeside", "mercy", "northfield"],
            System.Text.Json.JsonDocument.Parse(providerEnvironment["DevIdentity__Directory"]).RootElement.EnumerateArray()
                .Select(i => i.GetProperty("id").GetString()).Order());
        Assert.Contains("http://localhost:9090/signin-oidc-mercy", providerEnvironment.Values);
    }

    private async Task<IResourceCollection> ResourcesAsync(params string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([$"--data-dir={_data.FullName}", .. args]);
        return builder.Resources;
    }

    // What the resource's environment callbacks set, as the orchestrator would gather it for a run (plain values only).
    private static async Task<Dictionary<string, string>> EnvironmentOfAsync(IResource resource)
    {
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), resource);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }
        return context.EnvironmentVariables.Where(e => e.Value is string).ToDictionary(e => e.Key, e => (string)e.Value);
    }

    private static IEnumerable<IResource> References(IResource resource) =>
        resource.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference").Select(r => r.Resource);

    private static IEnumerable<IResource> WaitsFor(IResource resource) => resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource);

    public void Dispose() => _data.Delete(recursive: true);
}
