using System.Security.Cryptography;

namespace Haven.Hosting.Dashboard;

/// <summary>
/// Where the dashboard listens and the secrets of this run: the browser token an operator logs in with, and the
/// API key services send with their telemetry (Aspire's <c>x-otlp-api-key</c>). Both are new on every run.
/// </summary>
public sealed record DashboardOptions(int BrowserPort, int OtlpPort)
{
    /// <summary>Aspire's default dashboard port.</summary>
    public const int DefaultBrowserPort = 18888;

    /// <summary>Aspire's default port for OTLP over HTTP.</summary>
    public const int DefaultOtlpPort = 18890;

    public const string OtlpApiKeyHeader = "x-otlp-api-key";

    public string BrowserToken { get; } = NewSecret();
    public string OtlpApiKey { get; } = NewSecret();

    public Uri BrowserUrl => new($"http://localhost:{BrowserPort}");
    public Uri LoginUrl => new(BrowserUrl, $"/login?t={BrowserToken}");
    public Uri OtlpEndpoint => new($"http://127.0.0.1:{OtlpPort}");

    /// <summary>What each service needs to send its logs, traces and metrics here, as Aspire sets it.</summary>
    public IReadOnlyDictionary<string, string> OtlpEnvironment => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = OtlpEndpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_EXPORTER_OTLP_HEADERS"] = $"{OtlpApiKeyHeader}={OtlpApiKey}",
        // The SDK's defaults (5 s batches, 60 s metrics) would make a local dashboard look stale.
        ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
    };

    /// <summary>Ports from configuration: a fixed port, or 0 for a free one (tests).</summary>
    internal static DashboardOptions Create(int browserPort, int otlpPort) =>
        new(browserPort == 0 ? PortAllocator.GetFreePort() : browserPort, otlpPort == 0 ? PortAllocator.GetFreePort() : otlpPort);

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
