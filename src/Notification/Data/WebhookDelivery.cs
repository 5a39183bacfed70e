using Haven.Contracts.Notifications;
using Haven.Messaging.Tenancy;

namespace Haven.Notification.Data;

/// <summary>One event to one subscription: the exact body signed and sent, and its attempts (the delivery log).</summary>
public sealed class WebhookDelivery : ITenantOwned
{
    public Guid Id { get; set; }
    public required string InstitutionId { get; set; }
    public Guid SubscriptionId { get; set; }
    /// <summary>The CloudEvent's id: the same on every attempt and replay, so receivers can drop duplicates.</summary>
    public Guid EventId { get; set; }
    public required string EventType { get; set; }
    public Guid? CaseId { get; set; }
    public required string Body { get; set; }
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public List<WebhookAttempt> AttemptLog { get; set; } = [];
}

/// <summary>One HTTP attempt of a webhook delivery.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; set; }
    public Guid DeliveryId { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset At { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
}
