using Haven.Contracts.Notifications;
using Haven.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Apis;

/// <summary>One notification's delivery to one recipient by one channel. Never its text.</summary>
/// <param name="Id">The delivery.</param>
/// <param name="NotificationId">The notification; one notification has a delivery per recipient and channel.</param>
/// <param name="CaseId">The case it is about.</param>
/// <param name="Kind">What the notification is.</param>
/// <param name="Channel">How it reaches the recipient.</param>
/// <param name="PersonId">The recipient's directory entry; null for a notice to the reporter's case key.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="HeldUntil">When an email held for the recipient's quiet hours goes out; null when not held.</param>
/// <param name="LastError">Why the last attempt failed; null when none failed.</param>
/// <param name="UpdatedAt">When it last changed.</param>
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

    /// <param name="caseId">Only this case's deliveries.</param>
    /// <param name="notificationId">Only this notification's deliveries.</param>
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
