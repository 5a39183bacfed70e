namespace Haven.Contracts.Notifications;

/// <summary>How a notification reaches its recipient.</summary>
public enum NotificationChannel
{
    Email = 1,
    /// <summary>The in-app inbox of a person of the institution's directory.</summary>
    Inbox = 2,
    /// <summary>A partner system's webhook subscription.</summary>
    Webhook = 3,
    /// <summary>The inbox of a case's anonymous reporters, read with their case key (kept by intake).</summary>
    CaseKeyInbox = 4,
}
