using System.Diagnostics;
using Haven.Benchmarks;
using Haven.Testing;

// Issue 12's five goals on the real stack (the AppHost's whole graph, started as the whole-stack tests start it), one table.
//   dotnet run -c Release --project bench/Haven.Benchmarks [-- --quick] [--only sustained,burst,messaging,audit,gateway]
// Figures on a shared machine are noise; the ratios (each against its baseline measured in the same run) much less so.
var quick = args.Contains("--quick");
var sizes = quick ? Sizes.Quick : Sizes.Full;
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',') ?? ["sustained", "burst", "messaging", "audit", "gateway"];

Console.WriteLine($"Starting the platform ({(quick ? "quick" : "full")} run)...");
var timer = Stopwatch.StartNew();
await using var stack = await Stack.StartAsync();
Console.WriteLine($"All healthy in {timer.Elapsed.TotalSeconds:0} s");
await WarmUpAsync();

var rows = new List<Row>();
var scenarios = new (string Name, Func<Stack, Sizes, Task<IEnumerable<Row>>> Run)[]
{
    ("sustained", Scenarios.SustainedAsync), ("burst", Scenarios.BurstAsync), ("messaging", Scenarios.MessagingAsync),
    ("audit", Scenarios.AuditAsync), ("gateway", Scenarios.GatewayAsync),
};
foreach (var (name, run) in scenarios.Where(s => only.Contains(s.Name)))
{
    Console.WriteLine($"{name}: {LoadAverage()} load average before...");
    timer.Restart();
    rows.AddRange(await run(stack, sizes));
    Console.WriteLine($"{name}: done in {timer.Elapsed.TotalSeconds:0} s");
}

Console.WriteLine();
Console.WriteLine($"Release: {!Debugger.IsAttached && IsRelease()}; {Environment.ProcessorCount} cores; load average at the end {LoadAverage()}");
Console.WriteLine();
Console.WriteLine("| goal | measure | target | measured | baseline (same run) | ratio | met |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var row in rows)
{
    Console.WriteLine($"| {row.Goal} | {row.Measure} | {row.Target} | {row.Measured} | {row.Baseline} | {row.Ratio} | {row.Met switch { true => "yes", false => "**no**", null => "" }} |");
}
return 0;

// JIT, EF Core's query compilation and the first connections of every service, off the measured runs.
async Task WarmUpAsync()
{
    using var client = stack.ClientFrom(60_000, stack.App.CreateToken("mercy", "bench-warmup", "reporter"));
    var answers = await Load.OfferAsync(20, TimeSpan.FromSeconds(4), i => Reports.PostAsync(client, i % 2 == 0
        ? Reports.ConcerningConduct("mercy", $"warmup-{i}@mercy.example", anonymous: i % 4 == 0)
        : Reports.Harassment("mercy", $"warmup-{i}@mercy.example", anonymous: i % 4 == 1)));
    var waited = Stopwatch.StartNew();
    while (answers.Any(a => a.CaseId is { } id && !stack.Notices.FirstNotice.ContainsKey(id)) && waited.Elapsed < TimeSpan.FromSeconds(60))
    {
        await Task.Delay(200);
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

static bool IsRelease() =>
    typeof(Stack).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false) is not [DebuggableAttribute { IsJITOptimizerDisabled: true }];
