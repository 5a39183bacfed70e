using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Haven.Contracts.Notifications;
using Haven.Messaging;
using Aspire.Hosting.Testing;
using Haven.Testing;
using MassTransit;

// End-to-end latency of the case flow on the real stack: from the gateway's 202 for a report to the
// escalation saga's first notification command (the private notice) seen on the broker.
// Usage: dotnet run -c Release --project bench/CaseFlow.Benchmarks -- [reports=200] [concurrency=4] [pause-ms=0]
// Without a pause each client posts its next report as soon as the last is accepted, which measures the flow under a
// backlog; a pause of a second or so between reports measures one report's own path through an idle system.
var reports = args.Length > 0 ? int.Parse(args[0]) : 200;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 4;
var pause = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2]) : 0);

// The AppHost's own graph, started as the whole-stack tests start it.
using var data = new TemporaryFolder();
Console.WriteLine("Starting the platform...");
var started = Stopwatch.StartNew();
await using var app = await TestAppHost.StartAsync(await TestAppHost.CreateBuilderAsync(data.Directory, [], _ => { }, CancellationToken.None),
    CancellationToken.None);
Console.WriteLine($"All healthy in {started.Elapsed.TotalSeconds:F1} s");

var firstNotice = new ConcurrentDictionary<Guid, long>();
var broker = (await app.GetConnectionStringAsync("messaging"))!;
var probe = Bus.Factory.CreateUsingRabbitMq(rabbit =>
{
    rabbit.HostAt(broker);
    rabbit.ReceiveEndpoint($"bench-probe-{Guid.NewGuid():N}", endpoint =>
    {
        endpoint.AutoDelete = true;
        endpoint.Durable = false;
        endpoint.Handler<NotifyRecipients>(context =>
        {
            firstNotice.TryAdd(context.Message.CaseId, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        });
    });
});
await probe.StartAsync();

using var reporter = app.CreateHttpClient("gateway", "mercy", "bench-reporter", "reporter");
var accepted = new ConcurrentDictionary<Guid, long>();
var firstPost = Stopwatch.GetTimestamp();
await Parallel.ForAsync(0, reports, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, cancellationToken) =>
{
    using var response = await reporter.PostAsJsonAsync("/api/intake/reports", Report(i), cancellationToken);
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
    var at = Stopwatch.GetTimestamp();
    var caseId = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("caseId").GetGuid();
    accepted[caseId] = at;
    await Task.Delay(pause, cancellationToken);
});

var deadline = DateTime.UtcNow.AddSeconds(60);
while (accepted.Keys.Any(id => !firstNotice.ContainsKey(id)) && DateTime.UtcNow < deadline)
{
    await Task.Delay(100);
}
await probe.StopAsync();

var latencies = accepted
    .Where(a => firstNotice.ContainsKey(a.Key))
    .Select(a => Stopwatch.GetElapsedTime(a.Value, firstNotice[a.Key]).TotalMilliseconds)
    .Order()
    .ToList();
Console.WriteLine($"reports accepted: {accepted.Count}, with a first notification command: {latencies.Count}");
var lastNotice = firstNotice.Values.DefaultIfEmpty(firstPost).Max();
Console.WriteLine($"throughput: {latencies.Count / Stopwatch.GetElapsedTime(firstPost, lastNotice).TotalSeconds:F1} reports/s from the first post to the last notification command");
Console.WriteLine($"accepted → first notification command: p50 {Percentile(0.50):F0} ms, p99 {Percentile(0.99):F0} ms, max {latencies.LastOrDefault():F0} ms");
return latencies.Count == reports ? 0 : 1;

double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[(int)Math.Ceiling(p * latencies.Count) - 1];

static object Report(int i) => new
{
    track = "ConcerningConduct",
    institutionId = "mercy",
    categories = new[] { "HealthMisinformation" },
    context = new { kind = "WorkRelated" },
    platform = "Instagram",
    contentUrls = new[] { $"https://instagram.com/p/bench-{Guid.NewGuid():N}" },
    description = "Benchmark report.",
    subject = new { name = $"Dr. Bench {i}", email = $"bench-{Guid.NewGuid():N}@mercy.example" },
    disclosure = "Named",
};
