using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;
using Haven.Identity;
using Haven.Notification.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Apis;

/// <summary>An in-app notification of the caller's. Never report text or evidence.</summary>
/// <param name="Id">The inbox item.</param>
/// <param name="NotificationId">The notification it delivers.</param>
/// <param name="CaseId">The case it is about.</param>
/// <param name="Kind">What the notification is.</param>
/// <param name="Severity">The case's severity.</param>
/// <param name="Title">Its title, in the institution's wording.</param>
/// <param name="Body">Its text, in the institution's wording.</param>
/// <param name="Link">The case's page in Haven's web app.</param>
/// <param name="CreatedAt">When it arrived.</param>
/// <param name="ReadAt">When the caller first marked it read; null while unread.</param>
public sealed record InboxItemResponse(Guid Id, Guid NotificationId, Guid CaseId, NotificationKind Kind, Severity Severity, string Title,
    string Body, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static InboxItemResponse From(InboxItem i) => new(i.Id, i.NotificationId, i.CaseId, i.Kind, i.Severity, i.Title, i.Body, i.Link,
        i.CreatedAt, i.ReadAt);
}

/// <summary>The caller's own in-app inbox: their institution (query filter) and their user id, nobody else's.</summary>
public static class InboxApi
{
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("api/notifications/inbox").RequireAuthorization(HavenPolicies.AnyRole).WithTags("Inbox");
        inbox.MapGet("/", GetInbox).WithName("GetInbox").WithSummary("Your in-app notifications, newest first");
        inbox.MapPost("/{id:guid}/read", MarkRead).WithName("MarkInboxItemRead").WithSummary("Mark one of your notifications read");
        return app;
    }

    /// <param name="unread">True: only the items not yet read.</param>
    public static async Task<Ok<List<InboxItemResponse>>> GetInbox(HttpContext http, bool? unread, [AsParameters] NotificationServices services,
        CancellationToken cancellationToken)
    {
        var userId = http.User.GetUserId();
        var items = services.Db.InboxItems.AsNoTracking().Where(i => i.UserId == userId);
        if (unread == true)
        {
            items = items.Where(i => i.ReadAt == null);
        }
        var list = await items.OrderByDescending(i => i.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(InboxItemResponse.From).ToList());
    }

    /// <param name="id">The inbox item.</param>
    public static async Task<Results<NoContent, NotFound>> MarkRead(Guid id, HttpContext http, [AsParameters] NotificationServices services,
        CancellationToken cancellationToken)
    {
        var userId = http.User.GetUserId();
        var now = services.Clock.GetUtcNow();
        var updated = await services.Db.InboxItems.Where(i => i.Id == id && i.UserId == userId)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.ReadAt, x => x.ReadAt ?? now), cancellationToken);
        return updated == 1 ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
