using Haven.Contracts.Notifications;

namespace Haven.Notification.Delivery;

public static class DeliveryEvents
{
    public static NotificationDeliveryChanged Changed(Data.Delivery delivery, DateTimeOffset now, string? reason = null) =>
        new(delivery.Id, delivery.NotificationId, delivery.CaseId, delivery.InstitutionId, delivery.Channel, delivery.PersonId.ToString(),
            delivery.State, delivery.Attempts, reason ?? delivery.LastError, now);
}
