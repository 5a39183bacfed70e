using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Notification.Messages;

/// <summary>Internal to the notification service: try (again) to post one webhook delivery.</summary>
[MessageUrn("haven:notification-internal:deliver-webhook:v1")]
public record DeliverWebhook(Guid WebhookDeliveryId, string InstitutionId) : IInstitutionMessage;
