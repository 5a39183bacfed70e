using Haven.Contracts.Platform;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Haven.Messaging;

// Tells the platform (and so the audit log) that this instance is up, once the host has fully started.
internal sealed class ServiceAnnouncer(IBus bus, IHostApplicationLifetime lifetime, ServiceIdentity identity,
    TimeProvider clock, ILogger<ServiceAnnouncer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);

        await bus.Publish(new ServiceInstanceStarted(identity.Service, identity.InstanceId, identity.Version,
            clock.GetUtcNow()), stoppingToken);
        logger.LogInformation("Announced {Service} instance {InstanceId}", identity.Service, identity.InstanceId);
    }
}
