namespace Haven.Contracts.Notifications;

/// <summary>Where one delivery of a notification stands.</summary>
public enum DeliveryState
{
    /// <summary>Accepted and waiting (e.g. held until the recipient's quiet hours end, or for a retry).</summary>
    Queued = 1,
    /// <summary>Handed to the next hop (an SMTP server accepted the mail).</summary>
    Sent = 2,
    /// <summary>Confirmed at the destination (written to the inbox, a webhook answered 2xx).</summary>
    Delivered = 3,
    /// <summary>Given up after the last retry, or refused permanently.</summary>
    Failed = 4,
    /// <summary>The destination refused the address (a bounce).</summary>
    Bounced = 5,
}
