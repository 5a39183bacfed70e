namespace Haven.Faults;

/// <summary>How hard and how long each fault's load runs, and how long the checker waits for the platform to catch up.</summary>
public sealed record LoadProfile(double ReportsPerSecond, TimeSpan Duration, TimeSpan Settle)
{
    public static LoadProfile Ci => new(10, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(90));
}

/// <summary>A fault's outcome: its table row, the load's refusals, and the messages parked in error or skipped queues that are not poison.</summary>
public sealed record FaultOutcome(FaultRow Row, LoadResult Load, IReadOnlyList<ParkedMessage> Parked, IReadOnlyList<ParkedMessage> Poison,
    TimeSpan Took)
{
    public string Describe() => string.Join('\n', [
        FaultRow.Header, Row.ToString(),
        $"took {Took.TotalSeconds:F0} s (load, fault, recovery and check)",
        $"refused during the load: {Load.RefusedSummary}",
        $"parked in error/skipped queues (not poison): {Parked.Count}", .. Parked.Take(10).Select(p => $"  {p.Queue}: {p.MessageId} {p.Reason}"),
        $"poison parked: {(Poison.Count == 0 ? "none" : string.Join(", ", Poison.Select(p => p.Queue)))}",
        $"problems found: {(Row.Problems.Count == 0 ? "none" : "")}", .. Row.Problems.Select(p => "  " + p)]);
}

/// <summary>Runs one fault under load, then checks every accepted report and every error and skipped queue.</summary>
public sealed class FaultRunner(FaultStack stack, BrokerAdmin admin, LoadProfile profile)
{
    private readonly HashSet<string> _poison = [];

    public LoadProfile Profile => profile;

    /// <summary>
    /// Starts the load, injects the fault a quarter of the way in (the fault recovers in its own time, perhaps after the load), then
    /// waits for every resource to be healthy and reconciles.
    /// </summary>
    public async Task<FaultOutcome> RunAsync(Fault fault, CancellationToken cancellationToken)
    {
        var took = System.Diagnostics.Stopwatch.StartNew();
        await stack.WaitUntilGatewayForwardsAsync(cancellationToken);
        await using var tap = await DuplicatingTap.StartAsync(stack, admin, cancellationToken);
        var context = new FaultContext(stack, admin, tap, profile);
        var since = DateTimeOffset.UtcNow;
        var load = new LoadDriver(stack).RunAsync(profile.ReportsPerSecond, profile.Duration, cancellationToken);
        await Task.Delay(profile.Duration / 4, cancellationToken);
        var poison = await fault.InjectAsync(context, cancellationToken);
        var result = await load;
        await stack.WaitUntilHealthyAsync(cancellationToken);
        var row = await new Checker(stack).CheckAsync(fault.Name, result.Accepted, since, profile.Settle, cancellationToken);
        if (poison is not null)
        {
            _poison.Add(poison);
            await WaitForParkedAsync(poison, cancellationToken);
        }
        var parked = await admin.ParkedAsync(cancellationToken);
        return new FaultOutcome(row, result, [.. parked.Where(p => !_poison.Any(id => IsPoison(p, id)))],
            [.. parked.Where(p => poison is not null && IsPoison(p, poison))], took.Elapsed);
    }

    private static bool IsPoison(ParkedMessage parked, string notificationId) => parked.Payload?.Contains(notificationId) == true;

    /// <summary>A poison message reaches its error queue once its retries and redeliveries are spent.</summary>
    private async Task WaitForParkedAsync(string notificationId, CancellationToken cancellationToken)
    {
        var giveUp = DateTimeOffset.UtcNow + profile.Settle;
        while (DateTimeOffset.UtcNow < giveUp && !(await admin.ParkedAsync(cancellationToken)).Any(p => IsPoison(p, notificationId)))
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }
}
