namespace Haven.Notification.Amqp;

/// <summary>
/// Where partners' events go on the broker: one durable topic exchange, each event published with the routing key
/// <c>&lt;institution&gt;.&lt;event type&gt;</c>, and one queue per subscription, bound by Haven to exactly its
/// institution's keys. The partner's user has the same name as its queue and may read that queue and nothing else.
/// </summary>
public static class AmqpTopology
{
    public const string Exchange = "haven.partners";

    public static string RoutingKey(string institutionId, string eventType) => $"{institutionId}.{eventType}";

    /// <summary>The subscription's queue, and the name of the broker user that reads it.</summary>
    public static string Queue(Guid subscriptionId) => $"partner.{subscriptionId:N}";
}
