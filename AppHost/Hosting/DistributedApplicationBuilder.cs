using System.Reflection;
using Haven.Hosting.Dashboard;
using Microsoft.Extensions.Configuration;

namespace Haven.Hosting;

public sealed class DistributedApplicationBuilder
{
    private static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--gateway-port"] = "GatewayPort",
        ["--data-dir"] = "DataDirectory",
        ["--publisher"] = "Publisher",
        ["--output-path"] = "OutputPath",
        ["--fresh"] = "Fresh",
        ["--dashboard-port"] = "DashboardPort",
        ["--dashboard-otlp-port"] = "DashboardOtlpPort",
    };

    private readonly List<Resource> _resources = [];

    internal DistributedApplicationBuilder(string[] args, Action<DistributedApplicationBuilder, ConfigurationManager>? configureForTesting)
    {
        Args = args;
        AppHostDirectory = typeof(DistributedApplicationBuilder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "AppHostProjectDirectory").Value!;

        var configuration = new ConfigurationManager();
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(WithFlagValues(args), SwitchMappings);
        configureForTesting?.Invoke(this, configuration);
        Configuration = configuration;

        var publisher = Configuration["Publisher"];
        if (publisher is not null && publisher != "manifest")
        {
            throw new DistributedApplicationException($"Unknown publisher '{publisher}': the only one is 'manifest'.");
        }

        Options = new DistributedApplicationOptions
        {
            DataDirectory = Path.GetFullPath(Configuration["DataDirectory"] ?? Path.Combine(AppHostDirectory, "..", ".haven")),
            Fresh = Configuration.GetValue<bool>("Fresh"),
            DeleteDataOnDispose = Configuration.GetValue<bool>("DeleteDataOnDispose"),
            EchoConsoleLogs = Configuration.GetValue("EchoConsoleLogs", true),
            EnvironmentName = Configuration["DOTNET_ENVIRONMENT"] ?? "Development",
            Dashboard = publisher is null && Configuration.GetValue("Dashboard", true)
                ? DashboardOptions.Create(Configuration.GetValue("DashboardPort", DashboardOptions.DefaultBrowserPort),
                    Configuration.GetValue("DashboardOtlpPort", DashboardOptions.DefaultOtlpPort))
                : null,
            ManifestPath = publisher is null ? null
                : Configuration["OutputPath"] ?? throw new DistributedApplicationException("--publisher manifest needs --output-path FILE."),
        };
    }

    public IConfiguration Configuration { get; }
    internal IReadOnlyList<string> Args { get; }
    public DistributedApplicationOptions Options { get; }
    public string AppHostDirectory { get; }
    public IReadOnlyList<Resource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"A resource named '{resource.Name}' already exists.");
        }
        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(string name) where T : Resource =>
        new ResourceBuilder<T>(_resources.OfType<T>().Single(r => r.Name == name), this);

    public DistributedApplication Build() => DistributedApplication.OnBuild(this);

    internal DistributedApplication BuildApplication() => new(this);

    // "--fresh" alone is a flag; the command-line provider wants a value after every switch.
    private static string[] WithFlagValues(string[] args) =>
        args.Select((arg, i) => arg == "--fresh" && (i + 1 == args.Length || args[i + 1].StartsWith("--")) ? "--fresh=true" : arg)
            .ToArray();
}

public sealed class DistributedApplicationException(string message) : Exception(message);
