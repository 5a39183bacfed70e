using System.Security.Claims;
using System.Security.Cryptography;
using Haven.Http;
using Haven.Identity;
using Haven.Notification.Amqp;
using Haven.Notification.Data;
using Haven.Notification.Webhooks;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Apis;

/// <summary>
/// Partner systems' queues on Haven's broker: each a broker user of its own that reads one queue, bound to the
/// institution's events of the chosen types. Institution admins only.
/// </summary>
public static class AmqpSubscriptionsApi
{
    private const string Setting = "amqp-subscription";

    public static IEndpointRouteBuilder MapAmqpSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var subscriptions = app.MapGroup("api/notifications/amqp-subscriptions").RequireAuthorization(HavenPolicies.InstitutionAdmin)
            .WithTags("AMQP subscriptions");
        subscriptions.MapGet("/", GetSubscriptions).WithName("ListAmqpSubscriptions").WithSummary("The institution's AMQP subscriptions");
        subscriptions.MapGet("/{id:guid}", GetSubscription).WithName("GetAmqpSubscription").WithSummary("One AMQP subscription");
        subscriptions.MapPost("/", CreateSubscription).WithName("CreateAmqpSubscription")
            .WithSummary("A queue of the partner's own on Haven's broker for event types; the credentials are shown once")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        subscriptions.MapDelete("/{id:guid}", RevokeSubscription).WithName("RevokeAmqpSubscription")
            .WithSummary("Delete the partner's broker user and queue").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Ok<List<AmqpSubscriptionResponse>>> GetSubscriptions([AsParameters] NotificationServices services,
        CancellationToken cancellationToken)
    {
        var subscriptions = await services.Db.AmqpSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(subscriptions.Select(AmqpSubscriptionResponse.From).ToList());
    }

    /// <param name="id">The subscription.</param>
    public static async Task<Results<Ok<AmqpSubscriptionResponse>, NotFound>> GetSubscription(Guid id, [AsParameters] NotificationServices services,
        CancellationToken cancellationToken) =>
        await services.Db.AmqpSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } subscription
            ? TypedResults.Ok(AmqpSubscriptionResponse.From(subscription))
            : TypedResults.NotFound();

    public static async Task<Results<Created<CreatedAmqpSubscriptionResponse>, ValidationProblem, ProblemHttpResult>> CreateSubscription(
        AmqpSubscriptionRequest request, AmqpBrokerManagement broker, ClaimsPrincipal user, [AsParameters] NotificationServices services,
        CancellationToken cancellationToken)
    {
        if (WebhookEventTypes.Check(request.EventTypes) is { } typeErrors)
        {
            return new Validation().Require(false, "eventTypes", typeErrors[0]).Problem();
        }
        var subscription = new AmqpSubscription
        {
            Id = NewId.NextGuid(), InstitutionId = services.InstitutionId, EventTypes = [.. request.EventTypes!.Distinct()], CreatedAt = services.Clock.GetUtcNow(),
        };
        var userName = AmqpTopology.Queue(subscription.Id);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        try
        {
            await broker.ProvisionAsync(subscription.Id, subscription.InstitutionId, subscription.EventTypes, password, cancellationToken);
        }
        // Refused, unreachable, timed out or a circuit open: whatever part was made is unmade.
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await RevokeQuietly(broker, subscription.Id);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The broker could not be provisioned; nothing was created. Try again later.");
        }
        try
        {
            services.Db.AmqpSubscriptions.Add(subscription);
            await services.AuditChange(user, Setting, SubjectRef(subscription.Id), "created", cancellationToken);
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // A broker user that no row records could never be revoked.
            await RevokeQuietly(broker, subscription.Id);
            throw;
        }
        var address = services.Options.Amqp.BrokerUri!;
        return TypedResults.Created($"/api/notifications/amqp-subscriptions/{subscription.Id}", new CreatedAmqpSubscriptionResponse(
            AmqpSubscriptionResponse.From(subscription), $"{address.Scheme}://{userName}:{password}@{address.Authority}", userName, password));
    }

    /// <summary>Deletes the partner's broker user (closing its connections) and its queue; the row stays, marked revoked.</summary>
    /// <param name="id">The subscription.</param>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RevokeSubscription(Guid id, AmqpBrokerManagement broker,
        ClaimsPrincipal user, [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        var subscription = await services.Db.AmqpSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return TypedResults.NotFound();
        }
        try
        {
            await broker.RevokeAsync(id, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The broker could not be reached; the subscription is unchanged. Try again later.");
        }
        if (subscription.RevokedAt is null)
        {
            subscription.RevokedAt = services.Clock.GetUtcNow();
            await services.AuditChange(user, Setting, SubjectRef(id), "revoked", cancellationToken);
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.NoContent();
    }

    private static string SubjectRef(Guid id) => $"{Setting}:{id}";

    private static async Task RevokeQuietly(AmqpBrokerManagement broker, Guid id)
    {
        try
        {
            await broker.RevokeAsync(id, CancellationToken.None);
        }
        catch (Exception)
        {
            // The broker is unreachable: what it did not take, it does not have.
        }
    }
}
