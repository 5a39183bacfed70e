using System.Diagnostics;
using Haven.Messaging.Benchmarks;
using Haven.Testing;
using Microsoft.Extensions.Hosting;
using Npgsql;

// One run on this machine: the same messages through plain MassTransit and through Haven's outbox and inbox.
const int Messages = 2000;
const int Warmup = 200;
const int Publishers = 16;

await using var servers = await LocalServers.StartAsync();
var server = servers.Postgres;
var broker = servers.Broker;
string Database(string name) => new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

var plain = new Latencies();
using var plainHost = await Pipelines.StartPlain(Database("bench_plain"), broker, plain);
var plainResult = await Measure("plain MassTransit: publish → consume", plainHost, plain, Pipelines.PublishPlain);
await plainHost.StopAsync();

var haven = new Latencies();
using var havenHost = await Pipelines.StartHaven(Database("bench_haven"), broker, haven);
var havenResult = await Measure("Haven: outbox → broker → inbox", havenHost, haven, Pipelines.PublishThroughOutbox);
await havenHost.StopAsync();

Console.WriteLine();
Console.WriteLine($"{Messages} messages, {Publishers} concurrent publishers, {Environment.ProcessorCount} cores; latency from the start of the publishing unit of work to the consumer");
Console.WriteLine();
Console.WriteLine("| pipeline | messages/s | p50 ms | p99 ms |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var result in new[] { plainResult, havenResult })
{
    Console.WriteLine($"| {result.Pipeline} | {result.PerSecond:0} | {result.P50:0.0} | {result.P99:0.0} |");
}
Console.WriteLine();
Console.WriteLine($"Haven / plain: throughput {havenResult.PerSecond / plainResult.PerSecond:0.00}x, p50 {havenResult.P50 / plainResult.P50:0.0}x, p99 {havenResult.P99 / plainResult.P99:0.0}x");

static async Task<Result> Measure(string pipeline, IHost host, Latencies latencies, Func<IServiceProvider, Task> publish)
{
    await Round(Warmup);
    var elapsed = await Round(Messages);
    return new Result(pipeline, Messages / elapsed.TotalSeconds, latencies.Percentile(50), latencies.Percentile(99));

    async Task<TimeSpan> Round(int count)
    {
        latencies.Start(count);
        var timer = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Publishers },
            async (_, _) => await publish(host.Services));
        await latencies.Complete.WaitAsync(TimeSpan.FromMinutes(2));
        return timer.Elapsed;
    }
}

internal sealed record Result(string Pipeline, double PerSecond, double P50, double P99);
