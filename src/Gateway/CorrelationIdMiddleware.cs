using System.Buffers;

namespace Haven.Gateway;

// The id is what ties the gateway's logs to those of the service it called, so an id from the
// client is only trusted when it cannot break a log line or a header: otherwise it is replaced.
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-ID";
    private const int MaxLength = 64;

    private static readonly SearchValues<char> AllowedChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    public async Task InvokeAsync(HttpContext context)
    {
        var received = context.Request.Headers[HeaderName];
        var correlationId = received.Count == 1 && IsWellFormed(received[0])
            ? received[0]!
            : Guid.NewGuid().ToString("N");

        // Overwritten rather than appended, so the service sees exactly the id the gateway logs.
        context.Request.Headers[HeaderName] = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });

        using (logger.BeginScope("CorrelationId:{CorrelationId}", correlationId))
        {
            await next(context);
        }
    }

    private static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= MaxLength } && !value.AsSpan().ContainsAnyExcept(AllowedChars);
}
