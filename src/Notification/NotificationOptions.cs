namespace Haven.Notification;

/// <summary>Section <c>Notification</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notification";

    /// <summary>Where links in notifications point: <c>{PublicBaseUrl}/cases/{caseId}</c>, or <c>{PublicBaseUrl}/follow-up</c> for anonymous reporters.</summary>
    public string PublicBaseUrl { get; set; } = "https://haven.example";

    /// <summary>The sender of notification emails.</summary>
    public string EmailFrom { get; set; } = "Haven <notifications@haven.example>";

    public RetryOptions Email { get; set; } = new();

    public WebhookOptions Webhooks { get; set; } = new();

    public AmqpOptions Amqp { get; set; } = new();
}

/// <summary>Exponential backoff with equal jitter: attempt n waits a random time between half and all of min(max, base * 2^(n-1)).</summary>
public class RetryOptions
{
    public int MaxAttempts { get; set; } = 6;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);
}

public sealed class WebhookOptions : RetryOptions
{
    /// <summary>Failed attempts in a row (across deliveries) after which a subscription is disabled until an admin enables it.</summary>
    public int DisableAfterConsecutiveFailures { get; set; } = 15;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Plain http endpoints (development and tests only): partners' endpoints are https.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Loopback, link-local and private destinations (development and tests only, where receivers run on this machine).
    /// Off, a subscription to such an address is refused and deliveries connect only to public addresses.
    /// </summary>
    public bool AllowPrivateDestinations { get; set; }
}

public sealed class AmqpOptions
{
    /// <summary>
    /// The broker's address as partners reach it (<c>amqps://broker.haven.example:5671</c>); by default the address of
    /// <c>ConnectionStrings__messaging</c>, which is right where partners reach the broker as the services do.
    /// </summary>
    public Uri? BrokerUri { get; set; }

    /// <summary>Events a partner's queue keeps before the oldest are dropped.</summary>
    public int QueueMaxLength { get; set; } = 100_000;

    /// <summary>How long an event waits in a partner's queue before it is dropped.</summary>
    public TimeSpan MessageTimeToLive { get; set; } = TimeSpan.FromDays(14);
}
