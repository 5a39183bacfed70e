using Haven.Messaging.Tenancy;
namespace Haven.Notification.Data;

/// <summary>
/// A partner system's queue on Haven's broker for some of the institution's events. The broker keeps the partner's user
/// and password (hashed); Haven never stores the password.
/// </summary>
public sealed class AmqpSubscription : ITenantOwned
{
    public Guid Id { get; set; }
    public required string InstitutionId { get; set; }
    /// <summary>CloudEvents types, e.g. <c>haven.cases.case-escalated.v1</c>.</summary>
    public List<string> EventTypes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the broker user and queue were deleted; the row stays as the record that they existed.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
