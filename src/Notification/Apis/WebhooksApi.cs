using System.Security.Claims;
using Haven.Contracts.Notifications;
using Haven.Http;
using Haven.Identity;
using Haven.Notification.Data;
using Haven.Notification.Messages;
using Haven.Notification.Webhooks;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Apis;

/// <summary>Partner systems' subscriptions, their delivery log, re-enabling and replay; institution admins only.</summary>
public static class WebhooksApi
{
    private const string Setting = "webhook-subscription";
    public const int MaxUrlLength = 2000;

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("api/notifications/webhooks").RequireAuthorization(HavenPolicies.InstitutionAdmin).WithTags("Webhooks");
        webhooks.MapGet("/event-types", () => TypedResults.Ok(WebhookEventTypes.All.Order().ToList()))
            .WithName("ListWebhookEventTypes").WithSummary("The event types a subscription can name");
        webhooks.MapGet("/", GetSubscriptions).WithName("ListWebhookSubscriptions").WithSummary("The institution's webhook subscriptions");
        webhooks.MapGet("/{id:guid}", GetSubscription).WithName("GetWebhookSubscription").WithSummary("One webhook subscription");
        webhooks.MapPost("/", CreateSubscription).WithName("CreateWebhookSubscription")
            .WithSummary("Subscribe an https endpoint to event types; the signing secret is shown once");
        webhooks.MapDelete("/{id:guid}", DeleteSubscription).WithName("DeleteWebhookSubscription").WithSummary("Stop a subscription");
        webhooks.MapPost("/{id:guid}/enable", EnableSubscription).WithName("EnableWebhookSubscription")
            .WithSummary("Enable a subscription again after an automatic disable");
        webhooks.MapGet("/{id:guid}/deliveries", GetDeliveries).WithName("ListWebhookDeliveries")
            .WithSummary("A subscription's delivery log: state, attempts, status codes, timings");
        webhooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/replay", Replay).WithName("ReplayWebhookDelivery")
            .WithSummary("Send a delivery's event again, freshly signed");
        return app;
    }

    public static async Task<Ok<List<WebhookSubscriptionResponse>>> GetSubscriptions([AsParameters] NotificationServices services,
        CancellationToken cancellationToken)
    {
        var subscriptions = await services.Db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(subscriptions.Select(WebhookSubscriptionResponse.From).ToList());
    }

    /// <param name="id">The subscription.</param>
    public static async Task<Results<Ok<WebhookSubscriptionResponse>, NotFound>> GetSubscription(Guid id, [AsParameters] NotificationServices services,
        CancellationToken cancellationToken) =>
        await services.Db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } subscription
            ? TypedResults.Ok(WebhookSubscriptionResponse.From(subscription))
            : TypedResults.NotFound();

    public static async Task<Results<Created<CreatedWebhookSubscriptionResponse>, ValidationProblem>> CreateSubscription(WebhookSubscriptionRequest request,
        ClaimsPrincipal user, [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        var validation = Validate(request, services.Options.Webhooks);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }
        var subscription = new WebhookSubscription
        {
            Id = NewId.NextGuid(), InstitutionId = services.InstitutionId, Url = request.Url!, EventTypes = [.. request.EventTypes!.Distinct()],
            Secret = WebhookSignature.NewSecret(), CreatedAt = services.Clock.GetUtcNow(),
        };
        services.Db.WebhookSubscriptions.Add(subscription);
        await services.AuditChange(user, Setting, SubjectRef(subscription.Id), "created", cancellationToken);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/notifications/webhooks/{subscription.Id}",
            new CreatedWebhookSubscriptionResponse(WebhookSubscriptionResponse.From(subscription), subscription.Secret));
    }

    /// <param name="id">The subscription.</param>
    public static async Task<Results<NoContent, NotFound>> DeleteSubscription(Guid id, ClaimsPrincipal user,
        [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        var subscription = await services.Db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return TypedResults.NotFound();
        }
        // The delivery log stays with its deliveries; the subscription only stops receiving.
        if (subscription.DisabledReason != "deleted")
        {
            subscription.Enabled = false;
            subscription.DisabledReason = "deleted";
            subscription.DisabledAt = services.Clock.GetUtcNow();
            await services.AuditChange(user, Setting, SubjectRef(id), "stopped", cancellationToken);
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.NoContent();
    }

    /// <param name="id">The subscription.</param>
    public static async Task<Results<Ok<WebhookSubscriptionResponse>, NotFound>> EnableSubscription(Guid id, ClaimsPrincipal user,
        [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        var subscription = await services.Db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return TypedResults.NotFound();
        }
        subscription.Enabled = true;
        subscription.ConsecutiveFailures = 0;
        subscription.DisabledAt = null;
        subscription.DisabledReason = null;
        await services.AuditChange(user, Setting, SubjectRef(id), "enabled", cancellationToken);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(WebhookSubscriptionResponse.From(subscription));
    }

    /// <param name="id">The subscription.</param>
    /// <param name="state">Only deliveries in this state.</param>
    public static async Task<Results<Ok<List<WebhookDeliveryResponse>>, NotFound>> GetDeliveries(Guid id, DeliveryState? state,
        [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        if (!await services.Db.WebhookSubscriptions.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var deliveries = services.Db.WebhookDeliveries.AsNoTracking().Include(d => d.AttemptLog).Where(d => d.SubscriptionId == id);
        if (state is { } wanted)
        {
            deliveries = deliveries.Where(d => d.State == wanted);
        }
        var list = await deliveries.OrderByDescending(d => d.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(WebhookDeliveryResponse.From).ToList());
    }

    /// <summary>Sends the same event (same id, same body, freshly signed) again, e.g. after the partner fixed their endpoint.</summary>
    /// <param name="id">The subscription.</param>
    /// <param name="deliveryId">The delivery to send again.</param>
    public static async Task<Results<Accepted<WebhookDeliveryResponse>, NotFound, ValidationProblem>> Replay(Guid id, Guid deliveryId,
        ClaimsPrincipal user, [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        var subscription = await services.Db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var delivery = await services.Db.WebhookDeliveries.Include(d => d.AttemptLog)
            .SingleOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, cancellationToken);
        if (subscription is null || delivery is null)
        {
            return TypedResults.NotFound();
        }
        if (!subscription.Enabled)
        {
            return new Validation().Require(false, "subscription", "The subscription is disabled; enable it first.").Problem();
        }
        delivery.State = DeliveryState.Queued;
        delivery.NextAttemptAt = services.Clock.GetUtcNow();
        // Through the outbox: the attempt is queued only if the state change commits.
        await services.Publish.Publish(new DeliverWebhook(delivery.Id, delivery.InstitutionId), cancellationToken);
        await services.AuditChange(user, Setting, $"webhook-delivery:{delivery.Id}", "replayed", cancellationToken);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/notifications/webhooks/{id}/deliveries", WebhookDeliveryResponse.From(delivery));
    }

    private static string SubjectRef(Guid id) => $"{Setting}:{id}";

    public static Validation Validate(WebhookSubscriptionRequest request, WebhookOptions options)
    {
        var wellFormed = Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && request.Url!.Length <= MaxUrlLength
            && (url.Scheme == Uri.UriSchemeHttps || (options.AllowHttp && url.Scheme == Uri.UriSchemeHttp));
        var typeErrors = WebhookEventTypes.Check(request.EventTypes);
        return new Validation()
            .Require(wellFormed, "url", options.AllowHttp ? "An absolute http(s) URL." : "An absolute https URL.")
            .Require(!wellFormed || options.AllowPrivateDestinations || !WebhookDestinations.NamesInwardHost(url!), "url", WebhookDestinations.Refused)
            .Require(typeErrors is null, "eventTypes", typeErrors?[0] ?? "");
    }
}
