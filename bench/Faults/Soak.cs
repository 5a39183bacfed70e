using Microsoft.Extensions.DependencyInjection;

namespace Haven.Faults;

/// <summary>A steady load for a long time, the processes' memory and the queues' depths sampled as it runs, then the checker.</summary>
public sealed class Soak(FaultStack stack, BrokerAdmin admin)
{
    public async Task<FaultRow> RunAsync(double perSecond, TimeSpan duration, TimeSpan sampleEvery, TextWriter output,
        CancellationToken cancellationToken)
    {
        var since = DateTimeOffset.UtcNow;
        var load = new LoadDriver(stack).RunAsync(perSecond, duration, cancellationToken);
        output.WriteLine("| minute | RSS of every resource (MB) | largest: resource (MB) | messages queued | deepest queue |");
        output.WriteLine("|---:|---:|---|---:|---|");
        while (!load.IsCompleted)
        {
            await Task.WhenAny(load, Task.Delay(sampleEvery, cancellationToken));
            var memory = await MemoryAsync(cancellationToken);
            var queues = await admin.QueuesAsync(cancellationToken);
            var largest = memory.MaxBy(m => m.Value);
            var deepest = queues.MaxBy(q => q.Messages);
            output.WriteLine($"| {(DateTimeOffset.UtcNow - since).TotalMinutes:F1} | {memory.Values.Sum() / 1024 / 1024} | {largest.Key} ({largest.Value / 1024 / 1024}) " +
                $"| {queues.Sum(q => q.Messages)} | {deepest?.Name} ({deepest?.Messages}) |");
        }
        var result = await load;
        output.WriteLine($"accepted {result.Accepted.Count}, refused: {result.RefusedSummary}");
        return await new Checker(stack).CheckAsync("soak", result.Accepted, since, TimeSpan.FromMinutes(5), cancellationToken);
    }

    /// <summary>Resident memory of each resource's instances and everything they started, from /proc.</summary>
    private async Task<Dictionary<string, long>> MemoryAsync(CancellationToken cancellationToken)
    {
        var resources = stack.App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r is ProjectResource || r is ExecutableResource and not IResourceWithParent);
        var memory = new Dictionary<string, long>();
        foreach (var resource in resources)
        {
            var roots = (await stack.ProcessIdsAsync(resource.Name, cancellationToken)).Values.Select(ProcessTree.Read).OfType<ProcessTree.ProcessId>();
            memory[resource.Name] = ProcessTree.Trees(roots).Sum(p => ResidentBytes(p.Pid));
        }
        return memory;
    }

    private static long ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:"));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
