using Haven.Contracts.Notifications;

namespace Haven.Notification.Delivery;

public static class DeliveryEvents
{
    /// <summary>The recipient reference of a case-key inbox delivery: whoever holds a key to the case, unknown to Haven.</summary>
    public const string CaseKeyHolders = "case-key-holders";

    public static NotificationDeliveryChanged Changed(Data.Delivery delivery, DateTimeOffset now, string? reason = null) =>
        new(delivery.Id, delivery.NotificationId, delivery.CaseId, delivery.InstitutionId, delivery.Channel, delivery.PersonId?.ToString() ?? CaseKeyHolders,
            delivery.State, delivery.Attempts, reason ?? delivery.LastError, now);
}
