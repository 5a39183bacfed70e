using System.Diagnostics;

namespace Haven.Faults;

/// <summary>What a fault can reach: the stack, the broker's management API, the tap on the broker, the load's profile.</summary>
public sealed record FaultContext(FaultStack Stack, BrokerAdmin Admin, DuplicatingTap Tap, LoadProfile Profile);

/// <summary>
/// A fault injected under load. <see cref="InjectAsync"/> returns once the fault is over (what it stopped is started again), and
/// returns the message id of a poison message it published, if it did.
/// </summary>
public sealed record Fault(string Name, Func<FaultContext, CancellationToken, Task<string?>> InjectAsync)
{
    public override string ToString() => Name;

    public static readonly Fault BrokerKilled = new("RabbitMQ kill -9, started again", async (context, ct) =>
    {
        await KillAsync(context.Stack, "messaging", ct);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        await StartAsync(context.Stack, "messaging", ct);
        return null;
    });

    public static readonly Fault DatabaseRestarted = new("PostgreSQL restarted", async (context, ct) =>
    {
        await context.Stack.App.StopResourceAsync("postgres");
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        await StartAsync(context.Stack, "postgres", ct);
        return null;
    });

    public static readonly Fault ReplicasKilled = new("a replica of each consumer kill -9", async (context, ct) =>
    {
        var killed = new List<string>();
        foreach (var service in FaultStack.ConsumingServices)
        {
            var (instance, pid) = (await context.Stack.ProcessIdsAsync(service, ct)).OrderBy(p => p.Key).First();
            KillTree(pid);
            killed.Add(instance);
        }
        // The other replica carries the load alone for a while.
        await Task.Delay(context.Profile.Duration / 3, ct);
        foreach (var instance in killed)
        {
            await WaitUntilStoppedAsync(context.Stack, instance, ct);
            await context.Stack.App.ResourceCommands.ExecuteCommandAsync(instance, KnownResourceCommands.StartCommand, ct);
        }
        await context.Stack.WaitUntilHealthyAsync(ct);
        return null;
    });

    public static readonly Fault EscalationDown = new("escalation down longer than a deadline", async (context, ct) =>
    {
        await context.Stack.App.StopResourceAsync("escalation");
        await Task.Delay(2.5 * context.Stack.Options.Deadline, ct);
        await StartAsync(context.Stack, "escalation", ct);
        return null;
    });

    public static readonly Fault DeliveredTwice = new("every message delivered twice", (context, _) =>
    {
        // From now until the check is done (deadlines included): the tap lives as long as the fault's run.
        context.Tap.Duplicate = true;
        return Task.FromResult<string?>(null);
    });

    public static readonly Fault Poison = new("a poison message", async (context, ct) => await context.Tap.PublishPoisonAsync(ct));

    public static IReadOnlyList<Fault> All => [DeliveredTwice, EscalationDown, Poison, ReplicasKilled, DatabaseRestarted, BrokerKilled];

    /// <summary><c>kill -9</c> of every process of the resource's instances (the server and what it started).</summary>
    private static async Task KillAsync(FaultStack stack, string resource, CancellationToken cancellationToken)
    {
        foreach (var (instance, pid) in await stack.ProcessIdsAsync(resource, cancellationToken))
        {
            KillTree(pid);
            await WaitUntilStoppedAsync(stack, instance, cancellationToken);
        }
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

    /// <summary>Starts a resource that is down (the orchestrator does not restart it by itself) and waits until it is healthy.</summary>
    private static async Task StartAsync(FaultStack stack, string resource, CancellationToken cancellationToken)
    {
        await stack.App.StartResourceAsync(resource);
        await stack.WaitUntilHealthyAsync(cancellationToken);
    }
}
