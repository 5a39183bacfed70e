using Haven.Audit.Benchmarks;
using Haven.Audit.Data;
using Haven.Messaging.Tenancy;
using Haven.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Audit append throughput against a real PostgreSQL, started as the tests start it. Each append is what the consumer
// does for one event: its own DbContext and transaction, holding the chain head's row lock until it commits.
//   dotnet run --project bench/Audit.Benchmarks [-- ENTRIES WRITERS]
var entries = args.Length > 0 ? int.Parse(args[0]) : 2000;
var writers = args.Length > 1 ? int.Parse(args[1]) : 8;
const int Warmup = 200;

await using var servers = await LocalServers.StartAsync();
var auditDb = new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = "auditdb" }.ConnectionString;
var options = new DbContextOptionsBuilder<AuditDbContext>().UseNpgsql(auditDb).AddInterceptors(TenantWriteGuard.Instance).Options;
await using (var db = new AuditDbContext(options, new TenantContext(new HttpContextAccessor())))
{
    await db.Database.MigrateAsync();
}

var appender = new Appender(options);
// JIT, the connection pool and PostgreSQL's caches warm up on a chain of their own.
await appender.RunAsync("warmup", Warmup, writers: 1, chains: 1);

Scenario[] scenarios =
[
    new("sequential: 1 writer, 1 chain", 1, 1),
    new($"concurrent: {writers} writers, 1 chain", writers, 1),
    new($"concurrent: {writers} writers, {writers} chains", writers, writers),
];
var results = new List<(Scenario Scenario, Result Result)>();
foreach (var (scenario, index) in scenarios.Select((s, i) => (s, i)))
{
    results.Add((scenario, await appender.RunAsync($"s{index}", entries, scenario.Writers, scenario.Chains)));
}

Console.WriteLine();
Console.WriteLine($"{entries} entries per scenario after {Warmup} warm-up appends; {Environment.ProcessorCount} cores, load average " +
    (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a") + " at the end");
Console.WriteLine();
Console.WriteLine("| scenario | entries/s | p50 ms | p99 ms | chains verify |");
Console.WriteLine("|---|---:|---:|---:|---|");
foreach (var (scenario, result) in results)
{
    Console.WriteLine($"| {scenario.Name} | {result.PerSecond:0} | {result.P50:0.0} | {result.P99:0.0} | {(result.Verified ? "yes" : "NO")} |");
}
return results.All(r => r.Result.Verified) ? 0 : 1;

internal sealed record Scenario(string Name, int Writers, int Chains);
