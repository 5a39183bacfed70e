using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;

namespace Haven.Dashboard.Tests;

/// <summary>The OTLP exporter set up as a Haven service's is: HTTP/protobuf to the dashboard, with its API key.</summary>
internal static class OtlpExport
{
    public static ResourceBuilder Resource(string service, string instance) =>
        ResourceBuilder.CreateEmpty().AddService(service, serviceInstanceId: instance, autoGenerateServiceInstanceId: false);

    public static Action<OtlpExporterOptions> To(DashboardOptions dashboard, string signal) => options =>
    {
        // Set in code, the endpoint is the signal's full URL; only the environment variable gets /v1/{signal} appended.
        options.Endpoint = new Uri(dashboard.OtlpEndpoint, $"/v1/{signal}");
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Headers = $"{DashboardOptions.OtlpApiKeyHeader}={dashboard.OtlpApiKey}";
    };
}
