using Haven.Notification.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Haven.Notification.Apis;

/// <summary>The event catalogue: public, like the OpenAPI documents, so that a partner can build a receiver before subscribing.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/notifications/events", GetCatalogue).AllowAnonymous()
            .WithTags("Events").WithName("GetEventCatalogue")
            .WithSummary("Every event type partners can subscribe to, with the JSON Schema of its data");
        return app;
    }

    public static Ok<EventCatalogueResponse> GetCatalogue() => TypedResults.Ok(EventCatalogue.Response);
}
