using Haven.Messaging.Benchmarks;
using Haven.Testing;

// One run on this machine: the same messages through plain MassTransit and through Haven's outbox and inbox.
const int Messages = 2000;

await using var servers = await LocalServers.StartAsync();
var (plain, haven) = await Comparison.RunAsync(servers.Postgres, servers.Broker, Messages, warmup: 200);

Console.WriteLine();
Console.WriteLine($"{Messages} messages, {Comparison.Publishers} concurrent publishers, {Environment.ProcessorCount} cores; latency from the start of the publishing unit of work to the consumer");
Console.WriteLine();
Console.WriteLine("| pipeline | messages/s | p50 ms | p99 ms | CPU ms per message: bench + PostgreSQL + RabbitMQ |");
Console.WriteLine("|---|---:|---:|---:|---|");
foreach (var result in new[] { plain, haven })
{
    Console.WriteLine($"| {result.Pipeline} | {result.PerSecond:0} | {result.P50:0.0} | {result.P99:0.0} | {result.CpuPerMessage} |");
}
Console.WriteLine();
Console.WriteLine($"Haven / plain: throughput {haven.PerSecond / plain.PerSecond:0.00}x, p50 {haven.P50 / plain.P50:0.0}x, p99 {haven.P99 / plain.P99:0.0}x");
