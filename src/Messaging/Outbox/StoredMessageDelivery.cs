using MassTransit;
using MassTransit.Middleware;
using MassTransit.Serialization;

namespace Haven.Messaging.Outbox;

internal static class StoredMessageDelivery
{
    /// <summary>
    /// Sends stored messages exactly as they were first sent. Each destination gets its messages in the order they were
    /// stored, one confirm at a time; different destinations are sent to at once, so a unit of work that publishes
    /// several events waits about one broker confirm rather than one per message.
    /// </summary>
    public static Task SendInOrderPerDestination(this ISendEndpointProvider endpoints, IEnumerable<StoredMessage> messages,
        CancellationToken cancellationToken) =>
        Task.WhenAll(messages.GroupBy(m => m.DestinationAddress).Select(destination => SendInOrder(endpoints, destination, cancellationToken)));

    private static async Task SendInOrder(ISendEndpointProvider endpoints, IEnumerable<StoredMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            var endpoint = await endpoints.GetSendEndpoint(message.DestinationAddress!);
            await endpoint.Send(new SerializedMessageBody(), new OutboxMessageSendPipe(message, message.DestinationAddress), cancellationToken);
        }
    }
}
