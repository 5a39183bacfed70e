using Haven.Contracts.Notifications;
using Haven.Messaging.Tenancy;

namespace Haven.Notification.Data;

/// <summary>An institution's wording for one kind of notification (defaults apply where it has none).</summary>
public sealed class Template : ITenantOwned
{
    public required string InstitutionId { get; set; }
    public NotificationKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
