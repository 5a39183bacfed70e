using Haven.Contracts.Cases;
using Haven.Intake.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Intake.Consumers;

/// <summary>Keeps case managers' messages for the case's reporters, who read them through their case key.</summary>
public sealed class ReporterMessagePostedConsumer(IntakeDbContext db, ILogger<ReporterMessagePostedConsumer> logger)
    : IConsumer<ReporterMessagePosted>
{
    public async Task Consume(ConsumeContext<ReporterMessagePosted> context)
    {
        var message = context.Message;
        // Keyed by the message's own id: a second delivery (past the inbox's window) changes nothing.
        if (await db.ReporterMessages.AnyAsync(m => m.Id == message.MessageId, context.CancellationToken))
        {
            return;
        }
        db.ReporterMessages.Add(new ReporterMessage
        {
            Id = message.MessageId, CaseId = message.CaseId, InstitutionId = message.InstitutionId, Text = message.Text, PostedAt = message.PostedAt,
        });
        logger.LogInformation("Message {MessageId} for the reporters of case {CaseId} of {InstitutionId} kept", message.MessageId,
            message.CaseId, message.InstitutionId);
    }
}
