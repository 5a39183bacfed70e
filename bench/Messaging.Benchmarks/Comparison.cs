using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Haven.Messaging.Benchmarks;

/// <param name="CpuPerMessage">CPU ms per message of the benchmark process, PostgreSQL and RabbitMQ (<see cref="ProcessCpu.PerMessage"/>).</param>
public sealed record PipelineResult(string Pipeline, double PerSecond, double P50, double P99, string CpuPerMessage);

/// <summary>The same messages through plain MassTransit and through Haven's outbox and inbox, one after the other.</summary>
public static class Comparison
{
    public const int Publishers = 16;

    /// <param name="server">A PostgreSQL connection string without a database: the two pipelines create their own.</param>
    public static async Task<(PipelineResult Plain, PipelineResult Haven)> RunAsync(string server, string broker, int messages, int warmup)
    {
        string Database(string name) => new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

        var plain = new Latencies();
        using var plainHost = await Pipelines.StartPlain(Database("bench_plain"), broker, plain);
        var plainResult = await Measure("plain MassTransit: publish → consume", plainHost, plain, Pipelines.PublishPlain, messages, warmup,
            await ProcessCpu.FindAsync(Database("bench_plain"), broker));
        await plainHost.StopAsync();

        var haven = new Latencies();
        using var havenHost = await Pipelines.StartHaven(Database("bench_haven"), broker, haven);
        var havenResult = await Measure("Haven: outbox → broker → inbox", havenHost, haven, Pipelines.PublishThroughOutbox, messages, warmup,
            await ProcessCpu.FindAsync(Database("bench_haven"), broker));
        await havenHost.StopAsync();
        return (plainResult, havenResult);
    }

    private static async Task<PipelineResult> Measure(string pipeline, IHost host, Latencies latencies, Func<IServiceProvider, Task> publish,
        int messages, int warmup, ProcessCpu cpu)
    {
        await Round(warmup);
        var before = cpu.Now();
        var elapsed = await Round(messages);
        return new PipelineResult(pipeline, messages / elapsed.TotalSeconds, latencies.Percentile(50), latencies.Percentile(99),
            cpu.PerMessage(before, messages));

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
}
