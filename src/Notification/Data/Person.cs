using Haven.Contracts.Notifications;
using Haven.Messaging.Tenancy;

namespace Haven.Notification.Data;

/// <summary>Someone of the institution's directory whom Haven may notify, with their roles and preferences.</summary>
public sealed class Person : ITenantOwned
{
    public Guid Id { get; set; }
    public required string InstitutionId { get; set; }
    /// <summary>The user id their identity provider puts in tokens (<c>sub</c>): it opens their inbox.</summary>
    public required string UserId { get; set; }
    public required string DisplayName { get; set; }
    public required string Email { get; set; }
    /// <summary>SHA-256 of "institution:lower(email)", as a case's subject digest is made: how the subject is recognised.</summary>
    public required string Digest { get; set; }
    public List<string> Roles { get; set; } = [];
    public List<NotificationChannel> Channels { get; set; } = [NotificationChannel.Email, NotificationChannel.Inbox];
    /// <summary>Kinds they want no email for (the inbox still gets them; safety alerts are always sent).</summary>
    public List<NotificationKind> MutedKinds { get; set; } = [];
    public TimeOnly? QuietHoursStart { get; set; }
    public TimeOnly? QuietHoursEnd { get; set; }
    /// <summary>IANA time zone of the quiet hours.</summary>
    public string TimeZone { get; set; } = "UTC";
    public DateTimeOffset UpdatedAt { get; set; }
}
