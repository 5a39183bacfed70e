using System.Text;
using Haven.Messaging;
using Haven.Notification.Messages;
using Haven.Notification.Partners;
using RabbitMQ.Client;

namespace Haven.Notification.Amqp;

/// <summary>
/// Publishes partner events to <see cref="AmqpTopology.Exchange"/> on the service's own broker connection: persistent,
/// and complete only once the broker confirms it has the message (a refusal throws, so the message is retried).
/// The body is the structured CloudEvent, as the CloudEvents AMQP binding's structured mode has it: the
/// <c>content-type</c> property says <c>application/cloudevents+json</c> and the body is the whole event.
/// </summary>
public sealed class AmqpPublisher(IConfiguration configuration) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;

    public async Task PublishAsync(DeliverAmqpEvent message, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties
        {
            ContentType = $"{PartnerEvent.MediaType}; charset=utf-8",
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = message.EventId.ToString(),
        };
        // One publish at a time: a channel is not to be shared by concurrent publishers, and partner events are few.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var channel = await OpenChannelAsync(cancellationToken);
            await channel.BasicPublishAsync(AmqpTopology.Exchange, message.RoutingKey, mandatory: false, properties,
                Encoding.UTF8.GetBytes(message.Body), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IChannel> OpenChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }
        if (_connection is not { IsOpen: true })
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
            var broker = configuration.GetConnectionString(MessagingExtensions.ConnectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{MessagingExtensions.ConnectionName} is not set.");
            _connection = await new ConnectionFactory { Uri = new Uri(broker), ClientProvidedName = "notification-partner-events" }
                .CreateConnectionAsync(cancellationToken);
        }
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
        _channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await _channel.ExchangeDeclareAsync(AmqpTopology.Exchange, ExchangeType.Topic, durable: true, autoDelete: false,
            cancellationToken: cancellationToken);
        return _channel;
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _gate.Dispose();
    }
}
