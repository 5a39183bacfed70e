using MassTransit;

namespace Haven.Notification.Messages;

/// <summary>Internal to the notification service: publish one partner event (its structured CloudEvent) to the partners' exchange.</summary>
[MessageUrn("haven:notification-internal:deliver-amqp-event:v1")]
public record DeliverAmqpEvent(Guid EventId, string RoutingKey, string Body);
