using Haven.Contracts.Notifications;
using Haven.Intake.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Intake.Consumers;

/// <summary>Keeps notices for a case's anonymous reporters, who read them with their follow-up.</summary>
public sealed class CaseKeyNoticeRenderedConsumer(IntakeDbContext db, ILogger<CaseKeyNoticeRenderedConsumer> logger)
    : IConsumer<CaseKeyNoticeRendered>
{
    public async Task Consume(ConsumeContext<CaseKeyNoticeRendered> context)
    {
        var notice = context.Message;
        // Keyed by the notification id: a second delivery (past the inbox's window) changes nothing.
        if (await db.CaseKeyNotices.AnyAsync(n => n.Id == notice.NotificationId, context.CancellationToken))
        {
            return;
        }
        db.CaseKeyNotices.Add(new CaseKeyNotice
        {
            Id = notice.NotificationId, CaseId = notice.CaseId, InstitutionId = notice.InstitutionId, Title = notice.Title, Body = notice.Body,
            CreatedAt = notice.CreatedAt,
        });
        logger.LogInformation("Notice {NotificationId} for the case-key holders of case {CaseId} of {InstitutionId} kept",
            notice.NotificationId, notice.CaseId, notice.InstitutionId);
    }
}
