using System.Diagnostics;
using Haven.Audit.Chain;
using Haven.Audit.Data;
using Haven.Messaging.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Audit.Benchmarks;

public sealed record Result(double PerSecond, double P50, double P99, bool Verified);

/// <summary>
/// Appends events one per transaction (as the audit consumer did) or through the consumer's group commit
/// (<see cref="ChainWriter"/>), then verifies every chain it wrote to.
/// </summary>
public sealed class Appender(DbContextOptions<AuditDbContext> options, ChainWriter writer)
{
    /// <summary>An appender on the database of the connection string, its schema migrated and its caches warmed on a chain of its own.</summary>
    public static async Task<Appender> CreateAsync(string connectionString, int warmup)
    {
        var options = new DbContextOptionsBuilder<AuditDbContext>().UseNpgsql(connectionString)
            .AddInterceptors(TenantWriteGuard.Instance).Options;
        await using (var db = new AuditDbContext(options, new TenantContext(new HttpContextAccessor())))
        {
            await db.Database.MigrateAsync();
        }
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddScoped<TenantContext>()
            .AddScoped(services => new AuditDbContext(options, services.GetRequiredService<TenantContext>()))
            .AddScoped<AuditChain>()
            .AddSingleton<ChainWriter>()
            .BuildServiceProvider();
        var writer = services.GetRequiredService<ChainWriter>();
        await writer.StartAsync(CancellationToken.None);
        var appender = new Appender(options, writer);
        await appender.RunAsync("warmup", warmup, writers: 1, chains: 1);
        await appender.RunAsync("warmup-grouped", warmup, writers: 8, chains: 1, grouped: true);
        return appender;
    }

    private const string Payload = """{"caseId":"00000000-0000-0000-0000-000000000000","status":"Acknowledged","changedAt":"2026-11-22T00:00:00Z"}""";

    /// <summary><paramref name="writers"/> writers share <paramref name="entries"/> appends, spread over the chains.</summary>
    /// <param name="prefix">Names this run's chains, so that every run starts from empty ones.</param>
    /// <param name="grouped">Through the group commit; otherwise one entry per transaction.</param>
    public async Task<Result> RunAsync(string prefix, int entries, int writers, int chains, bool grouped = false)
    {
        var perWriter = entries / writers;
        var latencies = new double[writers * perWriter];
        var timer = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var chain = $"{prefix}-inst-{(writer + i) % chains}";
                await (grouped ? AppendGroupedAsync(chain) : AppendAsync(chain));
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
        await new AuditChain(db, TimeProvider.System).AppendAsync(Record(institutionId), CancellationToken.None);
        await transaction.CommitAsync();
    }

    private Task AppendGroupedAsync(string institutionId) => writer.AppendAsync(Record(institutionId), CancellationToken.None);

    private static AuditRecord Record(string institutionId)
    {
        var caseId = Guid.NewGuid();
        return new AuditRecord(institutionId, Guid.NewGuid(), "haven:cases:case-status-changed:v1", DateTimeOffset.UtcNow, "bench",
            CaseSubject.Ref(caseId), caseId, Payload);
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
