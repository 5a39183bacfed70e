using MassTransit.Middleware.Outbox;

namespace Haven.Messaging.Outbox;

/// <summary>
/// Wakes <see cref="BusOutboxDeliveryService{TDbContext}"/> when a unit of work has committed outbox messages.
/// MassTransit's own notification drops a signal raised while the service is busy delivering (it only cancels a wait in
/// progress), which left a request committed during a delivery waiting a whole poll interval; this one remembers it.
/// </summary>
internal sealed class OutboxDeliverySignal(HavenMessagingOptions options) : IBusOutboxNotification, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly Lock _gate = new();

    public async Task WaitForDelivery(CancellationToken cancellationToken) =>
        await _signal.WaitAsync(options.OutboxPollInterval, cancellationToken);

    public void Delivered()
    {
        lock (_gate)
        {
            // One remembered signal is enough: the service delivers everything committed before it looks.
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
    }

    public void Dispose() => _signal.Dispose();
}
