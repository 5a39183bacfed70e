using System.IO.Compression;
using Haven.Hosting.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Haven.Hosting.Dashboard.Otlp;

/// <summary>OTLP/HTTP with binary protobuf: the three export endpoints every OpenTelemetry SDK posts to.</summary>
internal static class OtlpReceiverApi
{
    private const string Protobuf = "application/x-protobuf";

    public static IEndpointRouteBuilder MapOtlpReceiver(this IEndpointRouteBuilder endpoints)
    {
        var otlp = endpoints.MapGroup("/v1");
        otlp.MapPost("/traces", (HttpRequest request, TelemetryStore store) =>
            ReceiveAsync(request, body => store.AddSpans(OtlpTraceDecoder.Decode(body))));
        otlp.MapPost("/logs", (HttpRequest request, TelemetryStore store) =>
            ReceiveAsync(request, body => store.Logs.AddRange(OtlpLogDecoder.Decode(body))));
        otlp.MapPost("/metrics", (HttpRequest request, TelemetryStore store) =>
            ReceiveAsync(request, body => store.Metrics.Add(OtlpMetricDecoder.Decode(body))));
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, BadRequest<string>, StatusCodeHttpResult>> ReceiveAsync(
        HttpRequest request, Action<byte[]> store)
    {
        if (request.ContentType?.StartsWith(Protobuf, StringComparison.OrdinalIgnoreCase) != true)
        {
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }
        try
        {
            store(await ReadBodyAsync(request));
        }
        catch (InvalidDataException e)
        {
            return TypedResults.BadRequest(e.Message);
        }
        // An empty Export*ServiceResponse: everything was accepted (no partial_success).
        return TypedResults.Bytes([], Protobuf);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        if (string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            await using var gzip = new GZipStream(request.Body, CompressionMode.Decompress);
            await gzip.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        }
        else
        {
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        }
        return buffer.ToArray();
    }
}
