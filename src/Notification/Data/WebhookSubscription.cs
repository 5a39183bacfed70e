using Haven.Messaging.Tenancy;
namespace Haven.Notification.Data;

/// <summary>A partner system's endpoint for some of the institution's events.</summary>
public sealed class WebhookSubscription : ITenantOwned
{
    public Guid Id { get; set; }
    public required string InstitutionId { get; set; }
    public required string Url { get; set; }
    /// <summary>CloudEvents types, e.g. <c>haven.cases.case-escalated.v1</c>.</summary>
    public List<string> EventTypes { get; set; } = [];
    /// <summary>The HMAC key of <c>X-Haven-Signature</c>; shown to the admin once, at creation.</summary>
    public required string Secret { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>Failed attempts since the last success; at the configured limit the subscription is disabled.</summary>
    public int ConsecutiveFailures { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
