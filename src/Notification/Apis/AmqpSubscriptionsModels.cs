using Haven.Notification.Amqp;
using Haven.Notification.Data;

namespace Haven.Notification.Apis;

/// <summary>A partner's queue on Haven's broker, for the institution's events of the types named.</summary>
/// <param name="EventTypes">One or more event types, e.g. <c>haven.cases.case-status-changed.v1</c> (<c>GET /api/notifications/events</c> lists
/// them with their data's schema).</param>
public sealed record AmqpSubscriptionRequest(List<string>? EventTypes);

/// <summary>A partner's queue on Haven's broker.</summary>
/// <param name="Id">The subscription.</param>
/// <param name="Queue">The queue the partner reads, also its broker user name: <c>partner.</c> and the id without dashes.</param>
/// <param name="EventTypes">The event types the queue receives, the institution's only.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked (its broker user and queue deleted); null while active.</param>
public sealed record AmqpSubscriptionResponse(Guid Id, string Queue, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public static AmqpSubscriptionResponse From(AmqpSubscription s) => new(s.Id, AmqpTopology.Queue(s.Id), s.EventTypes, s.CreatedAt, s.RevokedAt);
}

/// <summary>Returned once, at creation: Haven does not keep the password, and it is not shown again.</summary>
/// <param name="Subscription">The subscription.</param>
/// <param name="Uri">The broker's AMQP URI with the user name and password in it, ready for a client's connection string.</param>
/// <param name="UserName">The partner's broker user, the queue's name.</param>
/// <param name="Password">The broker user's password: 64 hex characters.</param>
public sealed record CreatedAmqpSubscriptionResponse(AmqpSubscriptionResponse Subscription, string Uri, string UserName, string Password);
