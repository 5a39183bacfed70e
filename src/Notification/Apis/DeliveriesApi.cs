using Haven.Contracts.Notifications;
using Haven.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Apis;

public sealed record DeliveryResponse(Guid Id, Guid NotificationId, Guid CaseId, NotificationKind Kind, NotificationChannel Channel,
    Guid? PersonId, DeliveryState State, int Attempts, DateTimeOffset? HeldUntil, string? LastError, DateTimeOffset UpdatedAt);

/// <summary>Where a case's notifications stand, for the staff handling it.</summary>
public static class DeliveriesApi
{
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/notifications/deliveries", GetDeliveries).RequireAuthorization(HavenPolicies.CaseStaff)
            .WithTags("Deliveries").WithName("ListDeliveries").WithSummary("Where a case's notifications stand");
        return app;
    }

    public static async Task<Ok<List<DeliveryResponse>>> GetDeliveries(Guid? caseId, Guid? notificationId,
        [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        var deliveries = services.Db.Deliveries.AsNoTracking();
        if (caseId is { } c)
        {
            deliveries = deliveries.Where(d => d.CaseId == c);
        }
        if (notificationId is { } n)
        {
            deliveries = deliveries.Where(d => d.NotificationId == n);
        }
        var list = await deliveries.OrderByDescending(d => d.CreatedAt).Take(500)
            .Select(d => new DeliveryResponse(d.Id, d.NotificationId, d.CaseId, d.Kind, d.Channel, d.PersonId, d.State, d.Attempts, d.HeldUntil,
                d.LastError, d.UpdatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(list);
    }
}
