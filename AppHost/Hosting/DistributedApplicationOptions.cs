using Haven.Hosting.Dashboard;

namespace Haven.Hosting;

/// <summary>How this run of the AppHost behaves (from the command line, or from the testing builder).</summary>
public sealed class DistributedApplicationOptions
{
    /// <summary>Where PostgreSQL, RabbitMQ and the generated secrets keep their state between runs.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Delete <see cref="DataDirectory"/> when the application is disposed (tests).</summary>
    public bool DeleteDataOnDispose { get; init; }

    /// <summary>Delete <see cref="DataDirectory"/> first.</summary>
    public bool Fresh { get; init; }

    /// <summary>Print every resource's console output with its name as a prefix.</summary>
    public bool EchoConsoleLogs { get; init; } = true;

    /// <summary>The environment the services run in (Aspire passes the AppHost's own).</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>How long start-up may take before the AppHost gives up.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The operator dashboard and its telemetry endpoint; null when it is turned off (or a manifest is written).</summary>
    public DashboardOptions? Dashboard { get; init; }

    /// <summary>With <c>--publisher manifest --output-path FILE</c>: write the manifest instead of running.</summary>
    public string? ManifestPath { get; init; }
}
