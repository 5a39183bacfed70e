using System.Text.Json.Nodes;
using NJsonSchema;

namespace Haven.AppHost.Tests;

public sealed class The_aspire_manifest
{
    private static readonly string RepositoryRoot = FindRepositoryRoot(AppContext.BaseDirectory);
    private static readonly string CommittedManifest = Path.Combine(RepositoryRoot, "aspire-manifest.json");
    private static readonly string Schema = Path.Combine(AppContext.BaseDirectory, "Schema", "aspire-8.0.json");

    [Fact]
    public async Task Committed_file_is_what_the_AppHost_generates()
    {
        var generated = await GenerateAsync();
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedManifest));

        Assert.True(JsonNode.DeepEquals(generated, committed),
            "aspire-manifest.json is stale: regenerate it with ./haven manifest");
    }

    [Fact]
    public async Task Validates_against_the_aspire_8_schema()
    {
        var schema = await JsonSchema.FromJsonAsync(InNJsonSchemaTerms(await File.ReadAllTextAsync(Schema)), Schema);

        var errors = schema.Validate((await GenerateAsync()).ToJsonString());

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Passes_connection_strings_and_service_endpoints_as_aspire_does()
    {
        var resources = (await GenerateAsync())["resources"]!;
        var gateway = resources["gateway"]!;
        var intake = resources["intake"]!;

        Assert.Equal("project.v0", gateway["type"]!.GetValue<string>());
        Assert.Equal("{intake.bindings.http.url}", gateway["env"]!["services__intake__http__0"]!.GetValue<string>());
        Assert.True(gateway["bindings"]!["http"]!["external"]!.GetValue<bool>());
        Assert.Equal("{intakedb.connectionString}", intake["env"]!["ConnectionStrings__intakedb"]!.GetValue<string>());
        Assert.Equal("{messaging.connectionString}", intake["env"]!["ConnectionStrings__messaging"]!.GetValue<string>());
        Assert.Equal("src/Intake/Intake.csproj", intake["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Gives_notification_the_broker_s_management_api_to_provision_partners()
    {
        var resources = (await GenerateAsync())["resources"]!;

        Assert.Equal("{messaging-management.connectionString}",
            resources["notification"]!["env"]!["ConnectionStrings__messaging-management"]!.GetValue<string>());
        Assert.Equal("Endpoint=http://{messaging.bindings.management.host}:{messaging.bindings.management.port};"
            + "Username={messaging-username.value};Password={messaging-password.value}",
            resources["messaging-management"]!["connectionString"]!.GetValue<string>());
        Assert.Null(resources["intake"]!["env"]!["ConnectionStrings__messaging-management"]);
    }

    [Fact]
    public async Task Keeps_no_secret_values()
    {
        var manifest = (await GenerateAsync()).ToJsonString();

        Assert.Contains("{postgres-password.value}", manifest);
        Assert.Contains("{messaging-password.value}", manifest);
        Assert.Contains("{webapp-gateway-key.value}", manifest);
        Assert.DoesNotContain("guest", manifest);
    }

    [Fact]
    public async Task Deploys_the_versions_of_PostgreSQL_and_RabbitMQ_that_local_runs_and_tests_use()
    {
        var resources = (await GenerateAsync())["resources"]!;

        Assert.Equal($"docker.io/library/postgres:{LocalPostgresExtensions.MajorVersion}", resources["postgres"]!["image"]!.GetValue<string>());
        Assert.Equal($"docker.io/library/rabbitmq:{LocalRabbitMQExtensions.Version}-management", resources["messaging"]!["image"]!.GetValue<string>());
        // The mail relay is the deployment's own; the local mail catcher is not deployed.
        Assert.Equal("parameter.v0", resources["smtp"]!["type"]!.GetValue<string>());
        Assert.Null(resources["identity"]);
    }

    // NJsonSchema reads neither draft-07's boolean schemas in "properties" (e.g. "build": false) nor "const"
    // (so every resource would match several "oneOf" branches). The same constraints in terms it reads:
    // false is {"not": {}}, true is {}, and {"const": x} is {"enum": [x]}.
    private static string InNJsonSchemaTerms(string schema)
    {
        var root = JsonNode.Parse(schema)!;
        Rewrite(root);
        return root.ToJsonString();

        static void Rewrite(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["const"] is { } constant)
                    {
                        obj.Remove("const");
                        obj["enum"] = new JsonArray(constant.DeepClone());
                    }
                    if (obj["properties"] is JsonObject properties)
                    {
                        foreach (var name in properties.Select(p => p.Key).ToList())
                        {
                            if (properties[name] is JsonValue value && value.TryGetValue<bool>(out var allowed))
                            {
                                properties[name] = allowed ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };
                            }
                        }
                    }
                    foreach (var (_, child) in obj.ToList())
                    {
                        Rewrite(child);
                    }
                    break;
                case JsonArray array:
                    foreach (var child in array.ToList())
                    {
                        Rewrite(child);
                    }
                    break;
            }
        }
    }

    private static string FindRepositoryRoot(string folder) =>
        File.Exists(Path.Combine(folder, "Platform.sln")) ? folder : FindRepositoryRoot(Path.GetDirectoryName(folder)!);

    // Aspire's own publisher, writing beside the committed file so that project paths come out relative to the same folder.
    private static async Task<JsonNode> GenerateAsync()
    {
        var path = Path.Combine(RepositoryRoot, $".aspire-manifest.{Guid.NewGuid():N}.json");
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(["--publisher", "manifest", "--output-path", path]);
            await using var app = await builder.BuildAsync();
            await app.RunAsync();
            return JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
