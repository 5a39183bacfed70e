using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Notification.Messages;

/// <summary>Internal to the notification service: try (again) to send one email delivery.</summary>
[MessageUrn("haven:notification-internal:send-email:v1")]
public record SendEmail(Guid DeliveryId, string InstitutionId) : IInstitutionMessage;
