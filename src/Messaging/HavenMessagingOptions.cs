namespace Haven.Messaging;

/// <summary>
/// Haven's messaging conventions, in one place. Bound from the <c>Messaging</c> configuration section, so an
/// environment can tune them (e.g. <c>Messaging__QuorumQueues=true</c> on a clustered broker) without code.
/// </summary>
public sealed class HavenMessagingOptions
{
    /// <summary>Messages RabbitMQ hands each endpoint ahead of acknowledgement.</summary>
    public int PrefetchCount { get; set; } = 32;

    /// <summary>Messages one endpoint of one instance consumes at a time.</summary>
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>Quorum queues survive the loss of a broker node; they need a cluster to be worth it.</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>Retries at once, for a conflict or a dropped connection that is gone a moment later.</summary>
    public int ImmediateRetries { get; set; } = 2;

    /// <summary>Then retries spaced out (initial, initial + step, ...), for a dependency that needs a little longer.</summary>
    public int IncrementalRetries { get; set; } = 3;
    public TimeSpan IncrementalInitialInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan IncrementalIntervalStep { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Then the message goes back to the broker and returns later (through the durable scheduler), this many times,
    /// for outages longer than a consumer should hold a message. After the last, the error queue and <c>Fault&lt;T&gt;</c>.
    /// </summary>
    public int Redeliveries { get; set; } = 3;
    public TimeSpan RedeliveryInitialInterval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan RedeliveryIntervalStep { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>How long the inbox remembers a consumed message id (and the scheduler a sent or cancelled token).</summary>
    public TimeSpan DuplicateDetectionWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the inbox and scheduler tables are swept of rows older than the window.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest an outbox left by another (or a crashed) instance waits for delivery.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest the scheduler sleeps without looking for due messages.</summary>
    public TimeSpan SchedulerPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
