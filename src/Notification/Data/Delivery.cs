using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;
using Haven.Messaging.Tenancy;

namespace Haven.Notification.Data;

/// <summary>One notification to one recipient over one channel, and where it stands.</summary>
public sealed class Delivery : ITenantOwned
{
    public Guid Id { get; set; }
    public required string InstitutionId { get; set; }
    public Guid NotificationId { get; set; }
    public Guid CaseId { get; set; }
    public NotificationKind Kind { get; set; }
    public Severity Severity { get; set; }
    public NotificationChannel Channel { get; set; }
    /// <summary>The directory entry it goes to; none for a case's anonymous reporters (the case-key inbox).</summary>
    public Guid? PersonId { get; set; }
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    /// <summary>Quiet hours: not sent before then.</summary>
    public DateTimeOffset? HeldUntil { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
