using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;
using Haven.Notification.Data;

namespace Haven.Notification.Delivery;

/// <summary>Whether and when a person gets a notification by email: their preferences, except where a case cannot wait.</summary>
public static class EmailPolicy
{
    /// <summary>A muted kind sends no email, unless it is a safety alert or the case is critical.</summary>
    public static bool Wants(Person person, NotificationKind kind, Severity severity) =>
        kind == NotificationKind.SafetyAlert || severity == Severity.Critical || !person.MutedKinds.Contains(kind);

    /// <summary>Held until the person's quiet hours end; a critical case reaches them whatever the hour.</summary>
    public static DateTimeOffset? HeldUntil(Person person, Severity severity, DateTimeOffset now) =>
        severity == Severity.Critical ? null : QuietHours.HeldUntil(person, now);
}
