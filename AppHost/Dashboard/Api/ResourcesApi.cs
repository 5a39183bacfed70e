using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Haven.Hosting.Dashboard.Api;

internal static class ResourcesApi
{
    public static IEndpointRouteBuilder MapResourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/resources");
        api.MapGet("/", (DistributedApplication app) => TypedResults.Ok(ResourceViews.From(app)));
        api.MapGet("/stream", (DistributedApplication app, IHostApplicationLifetime lifetime, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(StreamAsync(app, lifetime.ApplicationStopping, cancellationToken)));
        api.MapPost("/{instance}/{action}", RunActionAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<List<ResourceView>>, NotFound, Conflict<string>, ProblemHttpResult>> RunActionAsync(
        string instance, string action, ResourceActions actions, DistributedApplication app)
    {
        try
        {
            return await actions.RunAsync(instance, action) switch
            {
                ResourceActions.Outcome.NotFound => TypedResults.NotFound(),
                ResourceActions.Outcome.Conflict => TypedResults.Conflict($"'{instance}' cannot {action} now."),
                _ => TypedResults.Ok(ResourceViews.From(app)),
            };
        }
        catch (DistributedApplicationException e)
        {
            return TypedResults.Problem(e.Message, title: $"'{instance}' did not {action}");
        }
    }

    /// <summary>The whole list whenever it changes; health probes re-publish every few seconds, so unchanged lists are not sent again.</summary>
    private static async IAsyncEnumerable<SseItem<List<ResourceView>>> StreamAsync(DistributedApplication app, CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var end = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellationToken);
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnChanged(ResourceSnapshot _) => changed.Writer.TryWrite(true);
        app.ResourceNotifications.StateChanged += OnChanged;
        try
        {
            var sent = "";
            do
            {
                changed.Reader.TryRead(out _);
                var views = ResourceViews.From(app);
                var json = JsonSerializer.Serialize(views);
                if (json != sent)
                {
                    sent = json;
                    yield return new SseItem<List<ResourceView>>(views, "resources");
                }
                // Coalesce a burst of changes (a whole resource starting) into one message.
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
            while (await changed.Reader.WaitAsync(end.Token));
        }
        finally
        {
            app.ResourceNotifications.StateChanged -= OnChanged;
        }
    }
}
