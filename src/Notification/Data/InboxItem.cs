using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;
using Haven.Messaging.Tenancy;

namespace Haven.Notification.Data;

/// <summary>A notification in a person's in-app inbox: the rendered template and its link, nothing more.</summary>
public sealed class InboxItem : ITenantOwned
{
    public Guid Id { get; set; }
    public required string InstitutionId { get; set; }
    public required string UserId { get; set; }
    public Guid NotificationId { get; set; }
    public Guid CaseId { get; set; }
    public NotificationKind Kind { get; set; }
    public Severity Severity { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public required string Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
