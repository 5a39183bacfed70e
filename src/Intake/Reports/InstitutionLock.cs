using Haven.Intake.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Intake.Reports;

internal static class InstitutionLock
{
    /// <summary>
    /// Submissions and withdrawals of one institution, one at a time across every replica, until the transaction ends:
    /// duplicates, bursts and the release of held reports are decided on a stable set of reports.
    /// </summary>
    public static Task AcquireAsync(IntakeDbContext db, string institutionId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"intake:" + institutionId}))", cancellationToken);
}
