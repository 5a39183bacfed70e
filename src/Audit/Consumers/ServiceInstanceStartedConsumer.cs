using Haven.Audit.Data;
using Haven.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Haven.Audit.Consumers;

public sealed class ServiceInstanceStartedConsumer(AuditDbContext db, TimeProvider clock,
    ILogger<ServiceInstanceStartedConsumer> logger) : IConsumer<ServiceInstanceStarted>
{
    public async Task Consume(ConsumeContext<ServiceInstanceStarted> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A platform event needs a message id.");
        var started = context.Message;
        db.PlatformEvents.Add(new PlatformEvent
        {
            MessageId = messageId,
            Type = nameof(ServiceInstanceStarted),
            Service = started.Service,
            InstanceId = started.InstanceId,
            Version = started.Version,
            OccurredAt = started.StartedAt,
            RecordedAt = clock.GetUtcNow(),
        });

        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
            logger.LogInformation("Recorded start of {Service} instance {InstanceId}", started.Service, started.InstanceId);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            logger.LogDebug("Start of {Service} instance {InstanceId} was already recorded", started.Service, started.InstanceId);
        }
    }
}
