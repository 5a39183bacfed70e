namespace Haven.Contracts.Notifications;

/// <summary>How a notification reaches its recipient.</summary>
public enum NotificationChannel
{
    Email = 1,
    /// <summary>The in-app inbox of a person of the institution's directory.</summary>
    Inbox = 2,
    /// <summary>A partner system's webhook subscription.</summary>
    Webhook = 3,
}
