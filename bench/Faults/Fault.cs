using System.Diagnostics;

namespace Haven.Faults;

/// <summary>What a fault can reach: the stack, the broker's management API, the tap on the broker, the load's profile.</summary>
public sealed record FaultContext(FaultStack Stack, BrokerAdmin Admin, DuplicatingTap Tap, LoadProfile Profile);

/// <summary>
/// A fault injected under load. <see cref="InjectAsync"/> returns once the fault is over (what it stopped is started again), and
/// returns the notification id of a poison message it published, if it did.
/// </summary>
public sealed record Fault(string Name, Func<FaultContext, CancellationToken, Task<string?>> InjectAsync)
{
    public override string ToString() => Name;

    public static readonly Fault BrokerKilled = new("RabbitMQ kill -9, started again", async (context, ct) =>
    {
        var killed = await KillAsync(context.Stack, "messaging", ct);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        await StartAsync(context.Stack, [killed], ct);
        return null;
    });

    /// <summary>
    /// A crash, not a shutdown: the orchestrator's stop sends SIGTERM, PostgreSQL's "smart" shutdown, which waits for every client
    /// to disconnect; the services' pools never do, and the stop timed out.
    /// </summary>
    public static readonly Fault DatabaseKilled = new("PostgreSQL kill -9, started again", async (context, ct) =>
    {
        var killed = await KillAsync(context.Stack, "postgres", ct);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        await StartAsync(context.Stack, [killed], ct);
        return null;
    });

    public static readonly Fault ReplicasKilled = new("a replica of each consumer kill -9", async (context, ct) =>
    {
        var killed = new List<string>();
        foreach (var service in FaultStack.ConsumingServices)
        {
            // ConsumingServices lists audit first.
            var (instance, pid) = (await context.Stack.ProcessIdsAsync(service, ct)).OrderBy(p => p.Key).First();
            KillTree(pid);
            killed.Add(instance);
        }
        // The other replica carries the load alone for a while.
        await Task.Delay(context.Profile.Duration / 3, ct);
        // Audit's replica first: every other consuming service waits for audit (WaitFor), so it cannot start before audit's is up.
        await StartAsync(context.Stack, [killed.Take(1), killed.Skip(1)], ct);
        return null;
    });

    /// <summary>Both replicas killed (a stop waits for the bus to finish its messages, which timed out on a busy machine).</summary>
    public static readonly Fault EscalationDown = new("escalation down longer than a deadline", async (context, ct) =>
    {
        var killed = await KillAsync(context.Stack, "escalation", ct);
        await Task.Delay(2.5 * context.Stack.Options.Deadline, ct);
        await StartAsync(context.Stack, [killed], ct);
        return null;
    });

    public static readonly Fault DeliveredTwice = new("every message delivered twice", (context, _) =>
    {
        // From now until the check is done (deadlines included): the tap lives as long as the fault's run.
        context.Tap.Duplicate = true;
        return Task.FromResult<string?>(null);
    });

    public static readonly Fault Poison = new("a poison message", async (context, ct) => await context.Tap.PublishPoisonAsync(ct));

    public static IReadOnlyList<Fault> All => [DeliveredTwice, EscalationDown, Poison, ReplicasKilled, DatabaseKilled, BrokerKilled];

    /// <summary><c>kill -9</c> of every process of the resource's instances (the server and what it started); returns the instances.</summary>
    private static async Task<List<string>> KillAsync(FaultStack stack, string resource, CancellationToken cancellationToken)
    {
        var instances = await stack.ProcessIdsAsync(resource, cancellationToken);
        foreach (var pid in instances.Values)
        {
            KillTree(pid);
        }
        return [.. instances.Keys];
    }

    private static void KillTree(int pid)
    {
        if (ProcessTree.Read(pid) is not { } root)
        {
            return;
        }
        foreach (var process in ProcessTree.Trees([root]).Where(ProcessTree.IsAlive))
        {
            try
            {
                // SIGKILL on Linux.
                Process.GetProcessById(process.Pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    private static async Task WaitUntilStoppedAsync(FaultStack stack, string instance, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await foreach (var e in stack.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (e.ResourceId == instance && e.Snapshot.State?.Text is { } state && state != KnownResourceStates.Running
                && state != KnownResourceStates.Starting)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Starts killed instances again (the orchestrator does not restart them by itself), wave after wave, every instance of a wave
    /// at once and healthy before the next wave starts; then waits until all is healthy. Starting an instance waits for every
    /// replica of each resource it waits for (WaitFor) to be healthy, and gives up at once on one that is still Finished, as a
    /// killed replica is until it is started again: what others wait for goes in an earlier wave.
    /// </summary>
    private static async Task StartAsync(FaultStack stack, IEnumerable<IEnumerable<string>> waves, CancellationToken cancellationToken)
    {
        foreach (var wave in waves)
        {
            await Task.WhenAll(wave.Select(async instance =>
            {
                await WaitUntilStoppedAsync(stack, instance, cancellationToken);
                var started = await stack.App.ResourceCommands.ExecuteCommandAsync(instance, KnownResourceCommands.StartCommand, cancellationToken);
                if (!started.Success)
                {
                    throw new InvalidOperationException($"Starting {instance} again failed: {started.Message}");
                }
                await WaitUntilHealthyAsync(stack, instance, cancellationToken);
            }));
        }
        await stack.WaitUntilHealthyAsync(cancellationToken);
    }

    private static async Task WaitUntilHealthyAsync(FaultStack stack, string instance, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await foreach (var e in stack.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (e.ResourceId == instance && e.Snapshot.State?.Text == KnownResourceStates.Running
                && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            {
                return;
            }
        }
    }
}
