using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Haven.Intake.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Intake.Reports;

/// <summary>
/// What a submission decides on a stable set of reports, one transaction at a time across every replica, until the
/// transaction ends: per subject (a burst, the campaign case, the release of held reports, a withdrawal) and per content
/// URL (two copies of one URL must not open two cases). Reports about different people and posts never wait for each other:
/// the institution-wide lock this replaces made every submission of an institution wait for the one before.
/// </summary>
internal static class ReportLocks
{
    public static Task AcquireAsync(IntakeDbContext db, string institutionId, string subjectDigest, IEnumerable<string> urls,
        CancellationToken cancellationToken)
    {
        // Always taken in the same (numeric) order, so that two submissions sharing two keys cannot deadlock.
        var keys = urls.Select(url => Key($"intake:{institutionId}:url:{url}"))
            .Append(Key($"intake:{institutionId}:subject:{subjectDigest}"))
            .Distinct()
            .Order()
            .ToArray();
        // One round trip: the statements of a batch run in order.
        var sql = string.Join(";", keys.Select((_, i) => $"SELECT pg_advisory_xact_lock({{{i}}})"));
        return db.Database.ExecuteSqlRawAsync(sql, keys.Cast<object>(), cancellationToken);
    }

    // 64 bits of SHA-256: PostgreSQL's own hashtext has 32, and a collision only makes two unrelated submissions wait.
    private static long Key(string name) => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
}
