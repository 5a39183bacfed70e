using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Haven.Faults;

/// <summary>
/// A queue of its own on the platform's broker, bound to the exchanges of the case flow's messages (and to the escalation saga's
/// queue, where its deadlines arrive from the scheduler). With <see cref="Duplicate"/> on, it publishes every message it sees once
/// more, byte for byte and with the same MessageId, to the exchange it was first published to: every consumer gets it twice,
/// often while the first copy is still being consumed.
/// </summary>
public sealed class DuplicatingTap : IAsyncDisposable
{
    /// <summary>Parts of the exchange names of the messages the fault duplicates: events, commands, the saga's own queue.</summary>
    private static readonly string[] Exchanges =
    [
        "report-submitted", "case-status-changed", "case-escalated", "case-overdue", "notify-recipients", "notify-case-key-holders",
        "notification-delivery-changed", "case-key-notice-rendered", "case-state",
    ];

    private readonly ConcurrentDictionary<string, byte> _seen = new();
    private readonly ConcurrentDictionary<string, (string Exchange, BasicProperties Properties, byte[] Body)> _samples = new();
    private readonly IConnection _connection;
    private readonly IChannel _consuming;
    private readonly IChannel _publishing;
    private readonly IChannel _duplicating;
    private int _duplicated;

    private DuplicatingTap(IConnection connection, IChannel consuming, IChannel publishing, IChannel duplicating)
    {
        _duplicating = duplicating;
        _connection = connection;
        _consuming = consuming;
        _publishing = publishing;
    }

    public bool Duplicate { get; set; }

    /// <summary>How many messages were published a second time.</summary>
    public int Duplicated => _duplicated;

    public static async Task<DuplicatingTap> StartAsync(FaultStack stack, BrokerAdmin admin, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = await stack.BrokerUriAsync() }.CreateConnectionAsync(cancellationToken);
        var consuming = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var publishing = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true), cancellationToken);
        // Duplicates go out unconfirmed: waiting for each confirmation held up the tap's one consumer, which fell minutes behind.
        var duplicating = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var tap = new DuplicatingTap(connection, consuming, publishing, duplicating);
        var queue = await consuming.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        var bound = (await admin.ExchangesAsync(cancellationToken))
            .Where(e => !e.EndsWith("_error") && !e.EndsWith("_skipped") && Exchanges.Any(part => e.Contains(part, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        foreach (var exchange in bound)
        {
            await consuming.QueueBindAsync(queue.QueueName, exchange, "", cancellationToken: cancellationToken);
        }
        var consumer = new AsyncEventingBasicConsumer(consuming);
        consumer.ReceivedAsync += (_, delivery) => tap.OnReceivedAsync(delivery);
        await consuming.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        return tap;
    }

    private async Task OnReceivedAsync(BasicDeliverEventArgs delivery)
    {
        // A message reaches the tap through each bound exchange it passes (its type's, then its consumers'), and again when the tap
        // publishes it: each is handled once, by its message id.
        if (delivery.BasicProperties.MessageId is not { } messageId || !_seen.TryAdd(messageId, 0))
        {
            return;
        }
        var properties = new BasicProperties(delivery.BasicProperties);
        var body = delivery.Body.ToArray();
        _samples.TryAdd(delivery.Exchange, (delivery.Exchange, properties, body));
        if (Duplicate)
        {
            await _duplicating.BasicPublishAsync(delivery.Exchange, delivery.RoutingKey, mandatory: false, properties, body);
            Interlocked.Increment(ref _duplicated);
        }
    }

    /// <summary>
    /// A notification command that can never be carried out: a real one the tap saw, with a new id and no roles, so that the
    /// notification service's consumer throws on every attempt. Its notification id is returned, to find it in the error queue
    /// (its message id may change on the way: a redelivery can be sent again with a new one).
    /// </summary>
    public async Task<string> PublishPoisonAsync(CancellationToken cancellationToken)
    {
        (string Exchange, BasicProperties Properties, byte[] Body) sample;
        var giveUp = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        // It arrives through the command's type exchange (Haven.Contracts.Notifications:NotifyRecipients), where it was published.
        while ((sample = _samples.Values.FirstOrDefault(s => s.Exchange.EndsWith(":NotifyRecipients", StringComparison.Ordinal))).Body is null)
        {
            if (DateTimeOffset.UtcNow > giveUp)
            {
                throw new InvalidOperationException("The tap has seen no notification command to model the poison message on.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
        var (exchange, properties, body) = sample;
        var envelope = JsonNode.Parse(body)!.AsObject();
        var messageId = Guid.NewGuid().ToString();
        envelope["messageId"] = messageId;
        var message = envelope["message"]!.AsObject();
        var notificationId = Guid.NewGuid().ToString();
        message["notificationId"] = notificationId;
        message["caseId"] = Guid.NewGuid().ToString();
        message["roles"] = null;
        var poison = new BasicProperties(properties) { MessageId = messageId };
        _seen.TryAdd(messageId, 0);
        await _publishing.BasicPublishAsync(exchange, "", mandatory: false, poison, System.Text.Encoding.UTF8.GetBytes(envelope.ToJsonString()),
            cancellationToken);
        return notificationId;
    }

    public async ValueTask DisposeAsync()
    {
        // The tap's queue is exclusive and goes with its connection.
        Duplicate = false;
        await _connection.AbortAsync(TimeSpan.FromSeconds(5));
        // A channel's disposal waits for its consumer's deliveries still queued, which once took minutes: bounded, since the
        // connection is gone anyway.
        var channels = Task.WhenAll(_duplicating.DisposeAsync().AsTask(), _consuming.DisposeAsync().AsTask(), _publishing.DisposeAsync().AsTask());
        await Task.WhenAny(channels, Task.Delay(TimeSpan.FromSeconds(10)));
        await _connection.DisposeAsync();
    }
}
