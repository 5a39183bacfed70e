using Haven.Contracts.Reports;
using Haven.Identity;
using Haven.Intake.Data;
using Haven.Messaging.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Intake.Reports;

/// <summary>A reporter takes their report back: once, whatever the retries, and the case hears of it if it knew the report.</summary>
public sealed class ReportWithdrawal(IntakeDbContext db, TenantContext tenant, IPublishEndpoint publish, TimeProvider time,
    ILogger<ReportWithdrawal> logger)
{
    /// <returns>The report as withdrawn, or null when there is no such report in the caller's institution.</returns>
    public async Task<Report?> WithdrawAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            // A retried attempt reads afresh: the failed one's tracked report already says withdrawn, and would be returned unsaved.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var subject = await db.Reports.Where(r => r.Id == reportId).Select(r => r.SubjectDigest).SingleOrDefaultAsync(ct);
            if (subject is null)
            {
                return null;
            }
            // Under the submissions' lock on its subject, a held report is either released before this reads it (and the
            // case hears of the withdrawal) or withdrawn before a corroborating report could release it.
            await ReportLocks.AcquireAsync(db, tenant.InstitutionId!, subject, [], ct);
            var report = await db.Reports.SingleAsync(r => r.Id == reportId, ct);
            if (report.WithdrawnAt is not null)
            {
                return report;
            }

            report.WithdrawnAt = StoredTime.Of(time.GetUtcNow());
            if (report.PublishedAt is not null)
            {
                await publish.Publish(new ReportWithdrawn(report.Id, report.CaseId, report.InstitutionId, report.WithdrawnAt.Value), ct);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Report {ReportId} of case {CaseId} of {InstitutionId} withdrawn; the case was told: {Published}", report.Id,
                report.CaseId, report.InstitutionId, report.PublishedAt is not null);
            return report;
        }, cancellationToken);
    }
}
