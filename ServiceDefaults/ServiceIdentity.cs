using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>Who this process is, read from the variables the orchestrator passes (as Aspire does).</summary>
/// <remarks>Described by attributes, not XML comments: documenting this project would let ASP.NET Core's XML support intercept
/// its <c>AddOpenApi</c> call (see <see cref="Haven.Http.XmlDescriptions"/>).</remarks>
public sealed record ServiceIdentity(
    [property: Description("The service's name, e.g. `intake`.")] string Service,
    [property: Description("This process among the service's replicas, as the orchestrator names it.")] string InstanceId,
    [property: Description("The service's build version.")] string Version)
{
    public static ServiceIdentity From(IConfiguration configuration, IHostEnvironment environment)
    {
        var service = configuration["OTEL_SERVICE_NAME"] ?? environment.ApplicationName;
        var instanceId = ParseResourceAttributes(configuration["OTEL_RESOURCE_ATTRIBUTES"])
            .GetValueOrDefault("service.instance.id") ?? Environment.MachineName;
        var version = Assembly.GetEntryAssembly()?
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return new ServiceIdentity(service, instanceId, version);
    }

    // OTEL_RESOURCE_ATTRIBUTES is "key1=value1,key2=value2" per the OpenTelemetry specification.
    private static Dictionary<string, string> ParseResourceAttributes(string? attributes) =>
        (attributes ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0])
            .ToDictionary(group => group.Key, group => Uri.UnescapeDataString(group.Last()[1]));
}
