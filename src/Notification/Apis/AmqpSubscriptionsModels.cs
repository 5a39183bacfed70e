using Haven.Notification.Amqp;
using Haven.Notification.Data;

namespace Haven.Notification.Apis;

public sealed record AmqpSubscriptionRequest(List<string>? EventTypes);

public sealed record AmqpSubscriptionResponse(Guid Id, string Queue, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public static AmqpSubscriptionResponse From(AmqpSubscription s) => new(s.Id, AmqpTopology.Queue(s.Id), s.EventTypes, s.CreatedAt, s.RevokedAt);
}

/// <summary>Returned once, at creation: Haven does not keep the password, and it is not shown again.</summary>
public sealed record CreatedAmqpSubscriptionResponse(AmqpSubscriptionResponse Subscription, string Uri, string UserName, string Password);
