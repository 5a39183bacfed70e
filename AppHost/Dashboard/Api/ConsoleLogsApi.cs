using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Haven.Hosting.Dashboard.Api;

public sealed record ConsoleLineView(DateTimeOffset Timestamp, string Text, bool IsError);

internal static class ConsoleLogsApi
{
    public static IEndpointRouteBuilder MapConsoleLogsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/console");
        api.MapGet("/{instance}", GetHistory);
        api.MapGet("/{instance}/stream", Stream);
        return endpoints;
    }

    private static Results<Ok<List<ConsoleLineView>>, NotFound> GetHistory(string instance, DistributedApplication app) =>
        IsKnown(app, instance) ? TypedResults.Ok(app.ResourceLogs.GetLines(instance).Select(ToView).ToList()) : TypedResults.NotFound();

    private static Results<ServerSentEventsResult<ConsoleLineView>, NotFound> Stream(string instance, DistributedApplication app,
        IHostApplicationLifetime lifetime, CancellationToken cancellationToken) =>
        IsKnown(app, instance)
            ? TypedResults.ServerSentEvents(StreamAsync(app.ResourceLogs, instance, lifetime.ApplicationStopping, cancellationToken), "line")
            : TypedResults.NotFound();

    /// <summary>The history kept since start, then each new line as it is written.</summary>
    private static async IAsyncEnumerable<ConsoleLineView> StreamAsync(ResourceLoggerService logs, string instance, CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var end = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellationToken);
        var live = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnLine(LogLine line)
        {
            if (line.Instance == instance)
            {
                live.Writer.TryWrite(line);
            }
        }
        // Subscribed before the history is read, so no line falls between the two; the overlap is skipped below.
        logs.LineLogged += OnLine;
        try
        {
            var history = logs.GetLines(instance);
            foreach (var line in history)
            {
                yield return ToView(line);
            }
            var alreadySent = history.ToHashSet(ReferenceEqualityComparer.Instance);
            while (await live.Reader.WaitAsync(end.Token))
            {
                while (live.Reader.TryRead(out var line))
                {
                    if (alreadySent.Count == 0 || !alreadySent.Remove(line))
                    {
                        alreadySent.Clear();
                        yield return ToView(line);
                    }
                }
            }
        }
        finally
        {
            logs.LineLogged -= OnLine;
        }
    }

    private static bool IsKnown(DistributedApplication app, string instance) =>
        app.ResourceNotifications.Snapshots.Any(s => s.Instance == instance) || app.ResourceLogs.GetLines(instance).Count > 0;

    private static ConsoleLineView ToView(LogLine line) => new(line.Timestamp, line.Text, line.IsError);
}
