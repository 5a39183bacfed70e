using System.Diagnostics;
using Haven.Audit.Chain;
using Haven.Audit.Data;
using Haven.Messaging.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Haven.Audit.Benchmarks;

internal sealed record Result(double PerSecond, double P50, double P99, bool Verified);

/// <summary>Appends events the way the audit consumer does, then verifies every chain it wrote to.</summary>
internal sealed class Appender(DbContextOptions<AuditDbContext> options)
{
    private const string Payload = """{"caseId":"00000000-0000-0000-0000-000000000000","status":"Acknowledged","changedAt":"2026-11-22T00:00:00Z"}""";

    /// <summary><paramref name="writers"/> writers share <paramref name="entries"/> appends, spread over the chains.</summary>
    /// <param name="prefix">Names this run's chains, so that every run starts from empty ones.</param>
    public async Task<Result> RunAsync(string prefix, int entries, int writers, int chains)
    {
        var perWriter = entries / writers;
        var latencies = new double[writers * perWriter];
        var timer = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await AppendAsync($"{prefix}-inst-{(writer + i) % chains}");
                latencies[writer * perWriter + i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        timer.Stop();

        Array.Sort(latencies);
        var verified = await VerifyAsync(prefix, chains, latencies.Length);
        return new Result(latencies.Length / timer.Elapsed.TotalSeconds, Percentile(latencies, 50), Percentile(latencies, 99),
            verified);
    }

    private async Task AppendAsync(string institutionId)
    {
        await using var db = InScopeOf(institutionId);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var caseId = Guid.NewGuid();
        await new AuditChain(db, TimeProvider.System).AppendAsync(new AuditRecord(institutionId, Guid.NewGuid(),
            "haven:cases:case-status-changed:v1", DateTimeOffset.UtcNow, "bench", CaseSubject.Ref(caseId), caseId, Payload), CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// <summary>Concurrent appends must still leave whole chains: no gap, no fork, every entry counted once.</summary>
    private async Task<bool> VerifyAsync(string prefix, int chains, int expected)
    {
        long total = 0;
        for (var chain = 0; chain < chains; chain++)
        {
            await using var db = InScopeOf($"{prefix}-inst-{chain}");
            var result = await new ChainVerifier(db).VerifyAsync($"{prefix}-inst-{chain}", 1, null, CancellationToken.None);
            if (!result.Valid)
            {
                Console.Error.WriteLine($"{prefix}-inst-{chain} does not verify at {result.FailedAtSequence}: {result.Reason}");
                return false;
            }
            total += result.EntriesChecked;
        }
        return total == expected;
    }

    // As the consumer's DbContext is: scoped to the institution its message names.
    private AuditDbContext InScopeOf(string institutionId)
    {
        var tenant = new TenantContext(new HttpContextAccessor());
        tenant.Use(institutionId);
        return new AuditDbContext(options, tenant);
    }

    private static double Percentile(double[] sorted, int percentile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];
}
