using Haven.Contracts.Cases;
using Haven.Contracts.Notifications;
using Haven.Intake.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Intake.Consumers;

/// <summary>
/// Keeps each case's status for anonymous follow-up, duplicate joining and the retaliation check, and has the case's
/// anonymous reporters told in their case-key inbox.
/// </summary>
public sealed class CaseStatusChangedConsumer(IntakeDbContext db, ILogger<CaseStatusChangedConsumer> logger)
    : IConsumer<CaseStatusChanged>
{
    public async Task Consume(ConsumeContext<CaseStatusChanged> context)
    {
        var message = context.Message;
        // Locked until the inbox commits: two replicas applying two statuses of one case at once would otherwise each
        // read the old status and the slower one's write would win, whatever its time.
        var @case = (await db.Cases.FromSql($"""SELECT * FROM cases WHERE "Id" = {message.CaseId} FOR UPDATE""")
            .ToListAsync(context.CancellationToken)).SingleOrDefault();
        if (@case is null)
        {
            logger.LogWarning("Status {Status} of case {CaseId} of {InstitutionId} is for a case intake does not know", message.Status,
                message.CaseId, message.InstitutionId);
            return;
        }
        // Events may arrive out of order; the latest change wins, and of two at the same instant (triaged, then awaiting
        // acknowledgement, in one step of the case) the later status. Compared as stored, or the stored time of one reads
        // as earlier than the other's. The inbox saves this with the message's row.
        var changedAt = StoredTime.Of(message.ChangedAt);
        if (changedAt > @case.StatusChangedAt || (changedAt == @case.StatusChangedAt && message.Status > @case.Status))
        {
            @case.Status = message.Status;
            @case.StatusChangedAt = changedAt;
            logger.LogInformation("Case {CaseId} of {InstitutionId} is now {Status}", message.CaseId, message.InstitutionId, message.Status);
            // Only intake knows whether anyone holds a key to this case; the notice commits with the status. Triage is
            // Haven's own bookkeeping: the reporter hears from the moment the case is with people.
            if (message.Status > CaseStatus.Triaged && await db.CaseKeys.AnyAsync(k => k.CaseId == message.CaseId, context.CancellationToken))
            {
                await context.Publish(new NotifyCaseKeyHolders(NewId.NextGuid(), message.CaseId, message.InstitutionId, message.Status,
                    message.ChangedAt));
            }
        }
    }
}
