using Haven.Audit.Benchmarks;
using Haven.Testing;
using Npgsql;

// Audit append throughput against a real PostgreSQL, started as the tests start it. Each append is one event: in its own
// DbContext and transaction, holding the chain head's row lock until it commits (as the consumer once did), or through
// the consumer's group commit (ChainWriter: the appends waiting while a group commits form the next group).
//   dotnet run --project bench/Audit.Benchmarks [-- ENTRIES WRITERS]
var entries = args.Length > 0 ? int.Parse(args[0]) : 2000;
var writers = args.Length > 1 ? int.Parse(args[1]) : 8;
const int Warmup = 200;

await using var servers = await LocalServers.StartAsync();
var auditDb = new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = "auditdb" }.ConnectionString;
// JIT, the connection pool and PostgreSQL's caches warm up on a chain of their own.
var appender = await Appender.CreateAsync(auditDb, Warmup);

Scenario[] scenarios =
[
    new("sequential: 1 writer, 1 chain", 1, 1),
    new($"concurrent: {writers} writers, 1 chain", writers, 1),
    new($"concurrent: {writers} writers, {writers} chains", writers, writers),
    new($"group commit: {writers} writers, 1 chain", writers, 1, Grouped: true),
    new("group commit: 64 writers, 1 chain", 64, 1, Grouped: true),
];
var results = new List<(Scenario Scenario, Result Result)>();
foreach (var (scenario, index) in scenarios.Select((s, i) => (s, i)))
{
    results.Add((scenario, await appender.RunAsync($"s{index}", entries, scenario.Writers, scenario.Chains, scenario.Grouped)));
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

internal sealed record Scenario(string Name, int Writers, int Chains, bool Grouped = false);
