using MassTransit;
using MassTransit.Metadata;
using MassTransit.Middleware;
using MassTransit.Serialization;

namespace Haven.Messaging.Outbox;

/// <summary>
/// A serialized message kept in the database until it is sent: the envelope as MassTransit would have put it on the
/// wire, so <see cref="OutboxMessageSendPipe"/> can send it later exactly as it was.
/// </summary>
public abstract class StoredMessage : OutboxMessageContext
{
    private static readonly IReadOnlyDictionary<string, object> NoProperties = new Dictionary<string, object>();

    private Headers? _headers;
    private IReadOnlyDictionary<string, object>? _properties;

    public Guid MessageId { get; set; }
    public required string ContentType { get; set; }
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public string? Headers { get; set; }
    public string? Properties { get; set; }
    public DateTime SentTime { get; set; }
    public Guid? ConversationId { get; set; }
    public Guid? CorrelationId { get; set; }
    public Guid? InitiatorId { get; set; }
    public Guid? RequestId { get; set; }
    public Uri? SourceAddress { get; set; }
    public Uri? DestinationAddress { get; set; }
    public Uri? ResponseAddress { get; set; }
    public Uri? FaultAddress { get; set; }
    public DateTime? ExpirationTime { get; set; }

    /// <summary>Set by the database on insert: the order in which stored messages are sent.</summary>
    public long SequenceNumber { get; set; }

    Guid? MessageContext.MessageId => MessageId;
    DateTime? MessageContext.SentTime => SentTime;
    Headers MessageContext.Headers => _headers ?? EmptyHeaders.Instance;
    HostInfo MessageContext.Host => HostMetadataCache.Host;
    IReadOnlyDictionary<string, object> OutboxMessageContext.Properties => _properties ?? NoProperties;

    /// <summary>Reads the stored headers and transport properties back before the message is sent.</summary>
    public void Deserialize(IObjectDeserializer deserializer)
    {
        var headers = string.IsNullOrWhiteSpace(Headers) ? null : deserializer.DeserializeObject<Dictionary<string, object?>>(Headers);
        _headers = headers is { Count: > 0 } ? new DictionarySendHeaders(headers!) : EmptyHeaders.Instance;
        _properties = string.IsNullOrWhiteSpace(Properties)
            ? NoProperties
            : deserializer.DeserializeObject<Dictionary<string, object>>(Properties) ?? NoProperties;
    }
}
