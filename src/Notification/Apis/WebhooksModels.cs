using System.ComponentModel.DataAnnotations;
using Haven.Contracts.Notifications;
using Haven.Notification.Data;

namespace Haven.Notification.Apis;

/// <summary>An endpoint of the partner's that receives the institution's events of the types named, as signed CloudEvents.</summary>
/// <param name="Url">An absolute https URL, at most 2000 characters, on a public host.</param>
/// <param name="EventTypes">One or more event types (<c>GET /api/notifications/webhooks/event-types</c> lists them).</param>
public sealed record WebhookSubscriptionRequest([property: MaxLength(WebhooksApi.MaxUrlLength)] string? Url, List<string>? EventTypes);

/// <summary>A webhook subscription and its health.</summary>
/// <param name="Id">The subscription.</param>
/// <param name="Url">The endpoint events are posted to.</param>
/// <param name="EventTypes">The event types it receives, the institution's only.</param>
/// <param name="Enabled">False once stopped, or disabled after too many failed attempts in a row (enable it again to resume).</param>
/// <param name="ConsecutiveFailures">Failed attempts since the last success; at 15 (by default) the subscription is disabled.</param>
/// <param name="DisabledAt">When it was disabled or stopped; null while enabled.</param>
/// <param name="DisabledReason">Why: <c>deleted</c> when stopped, or e.g. <c>15 failed attempts in a row</c>; null while enabled.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record WebhookSubscriptionResponse(Guid Id, string Url, IReadOnlyList<string> EventTypes, bool Enabled, int ConsecutiveFailures,
    DateTimeOffset? DisabledAt, string? DisabledReason, DateTimeOffset CreatedAt)
{
    public static WebhookSubscriptionResponse From(WebhookSubscription s) => new(s.Id, s.Url, s.EventTypes, s.Enabled, s.ConsecutiveFailures,
        s.DisabledAt, s.DisabledReason, s.CreatedAt);
}

/// <summary>Returned once, at creation: the secret is not shown again.</summary>
/// <param name="Subscription">The subscription.</param>
/// <param name="Secret">The signing secret (<c>whsec_</c> and 64 hex characters): each request's <c>X-Haven-Signature</c> is <c>sha256=</c> and
/// the lower-case hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of <c>{X-Haven-Timestamp}.{raw body}</c>.</param>
public sealed record CreatedWebhookSubscriptionResponse(WebhookSubscriptionResponse Subscription, string Secret);

/// <summary>One event's delivery to a subscription, with every attempt.</summary>
/// <param name="Id">The delivery.</param>
/// <param name="EventId">The CloudEvent's <c>id</c>, the same on every attempt and replay: deduplicate by it.</param>
/// <param name="EventType">The CloudEvent's <c>type</c>.</param>
/// <param name="CaseId">The case the event is about; null for an event about no case.</param>
/// <param name="State">Queued (waiting for an attempt), Delivered (answered 2xx) or Failed (attempts used up, or the subscription disabled).</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="LastStatusCode">The HTTP status of the last attempt; null before any, or when no response came.</param>
/// <param name="LastError">Why the last attempt failed; null when it succeeded or none was made.</param>
/// <param name="CreatedAt">When the event was queued for this subscription.</param>
/// <param name="NextAttemptAt">When the next attempt is due; null when none is.</param>
/// <param name="DeliveredAt">When an attempt succeeded; null until then.</param>
/// <param name="AttemptLog">Every attempt, first first.</param>
public sealed record WebhookDeliveryResponse(Guid Id, Guid EventId, string EventType, Guid? CaseId, DeliveryState State, int Attempts,
    int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookAttempt> AttemptLog)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) => new(d.Id, d.EventId, d.EventType, d.CaseId, d.State, d.Attempts,
        d.LastStatusCode, d.LastError, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt,
        [.. d.AttemptLog.OrderBy(a => a.Attempt).Select(a => new WebhookAttempt(a.Attempt, a.At, a.StatusCode, a.Error, a.DurationMs))]);
}

/// <summary>One attempt to post an event.</summary>
/// <param name="Attempt">Its number, from 1.</param>
/// <param name="At">When it was made.</param>
/// <param name="StatusCode">The HTTP status the endpoint answered; null when no response came (e.g. a timeout).</param>
/// <param name="Error">Why it failed; null when it succeeded.</param>
/// <param name="DurationMs">How long it took, in milliseconds.</param>
public sealed record WebhookAttempt(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);
