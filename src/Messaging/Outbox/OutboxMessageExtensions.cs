using MassTransit;
using MassTransit.Context;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Outbox;

internal static class OutboxMessageExtensions
{
    /// <summary>Serializes a message about to be sent into an outbox row instead of onto the broker.</summary>
    public static OutboxMessage AddSend<T>(this DbSet<OutboxMessage> messages, SendContext<T> context, IObjectDeserializer serializer,
        Guid? inboxMessageId = null, Guid? inboxConsumerId = null, Guid? outboxId = null) where T : class
    {
        var messageId = context.MessageId ?? throw new MessageException(typeof(T), "A message needs a message id to go through the outbox.");
        var now = DateTime.UtcNow;
        var message = new OutboxMessage
        {
            MessageId = messageId,
            ContentType = context.ContentType?.ToString() ?? context.Serialization.DefaultContentType.ToString(),
            MessageType = string.Join(";", context.SupportedMessageTypes),
            Body = context.Serializer.GetMessageBody(context).GetString(),
            Headers = serializer.SerializeDictionary(context.Headers.GetAll()),
            SentTime = context.SentTime ?? now,
            ConversationId = context.ConversationId,
            CorrelationId = context.CorrelationId,
            InitiatorId = context.InitiatorId,
            RequestId = context.RequestId,
            SourceAddress = context.SourceAddress,
            DestinationAddress = context.DestinationAddress,
            ResponseAddress = context.ResponseAddress,
            FaultAddress = context.FaultAddress,
            ExpirationTime = context.TimeToLive is { } ttl ? now + ttl : null,
            EnqueueTime = context.Delay is { } delay ? now + delay : null,
            InboxMessageId = inboxMessageId,
            InboxConsumerId = inboxConsumerId,
            OutboxId = outboxId,
        };

        // Routing keys and the like, which RabbitMQ needs when the message is finally sent.
        if (context is TransportSendContext<T> transportContext)
        {
            var properties = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            transportContext.WritePropertiesTo(properties);
            message.Properties = serializer.SerializeDictionary(properties);
        }

        // Consumers may send from several threads at once; DbSet is not thread-safe.
        lock (messages)
        {
            messages.Add(message);
        }
        return message;
    }
}
