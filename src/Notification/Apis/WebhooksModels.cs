using Haven.Contracts.Notifications;
using Haven.Notification.Data;

namespace Haven.Notification.Apis;

public sealed record WebhookSubscriptionRequest(string? Url, List<string>? EventTypes);

public sealed record WebhookSubscriptionResponse(Guid Id, string Url, IReadOnlyList<string> EventTypes, bool Enabled, int ConsecutiveFailures,
    DateTimeOffset? DisabledAt, string? DisabledReason, DateTimeOffset CreatedAt)
{
    public static WebhookSubscriptionResponse From(WebhookSubscription s) => new(s.Id, s.Url, s.EventTypes, s.Enabled, s.ConsecutiveFailures,
        s.DisabledAt, s.DisabledReason, s.CreatedAt);
}

/// <summary>Returned once, at creation: the secret is not shown again.</summary>
public sealed record CreatedWebhookSubscriptionResponse(WebhookSubscriptionResponse Subscription, string Secret);

public sealed record WebhookDeliveryResponse(Guid Id, Guid EventId, string EventType, Guid? CaseId, DeliveryState State, int Attempts,
    int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookAttempt> AttemptLog)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) => new(d.Id, d.EventId, d.EventType, d.CaseId, d.State, d.Attempts,
        d.LastStatusCode, d.LastError, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt,
        [.. d.AttemptLog.OrderBy(a => a.Attempt).Select(a => new WebhookAttempt(a.Attempt, a.At, a.StatusCode, a.Error, a.DurationMs))]);
}

public sealed record WebhookAttempt(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);
