using System.Text.Json;
using Haven.Audit.Chain;
using Haven.Audit.Data;
using Haven.Contracts.Platform;
using MassTransit;

namespace Haven.Audit.Consumers;

/// <summary>
/// Which version of which service ran when: a row for the operators' view, and an entry of the platform's own chain
/// (these events belong to no institution).
/// </summary>
public sealed class ServiceInstanceStartedConsumer(AuditDbContext db, AuditChain chain, TimeProvider clock,
    ILogger<ServiceInstanceStartedConsumer> logger) : IConsumer<ServiceInstanceStarted>
{
    public async Task Consume(ConsumeContext<ServiceInstanceStarted> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A platform event needs a message id.");
        var started = context.Message;
        var entry = await chain.AppendAsync(new AuditRecord(AuditChain.PlatformChain, messageId, AuditEventConsumer.TypeName<ServiceInstanceStarted>(),
            started.StartedAt, Actor: null, SubjectRef: $"service:{started.Service}/{started.InstanceId}", CaseId: null,
            JsonSerializer.Serialize(started, AuditEventConsumer.PayloadJson)), context.CancellationToken);
        if (entry is null)
        {
            logger.LogDebug("Start of {Service} instance {InstanceId} was already recorded", started.Service, started.InstanceId);
            return;
        }

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
        await db.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Recorded start of {Service} instance {InstanceId}", started.Service, started.InstanceId);
    }
}
