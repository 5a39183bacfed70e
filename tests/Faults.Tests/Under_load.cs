namespace Haven.Faults.Tests;

/// <summary>
/// Each fault under a steady load of reports; then every accepted report is reconciled with its case, notifications, audit entries
/// and deadlines (<see cref="Checker"/>), and every error and skipped queue is looked into.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class Under_load(FaultFixture faults, ITestOutputHelper output)
{
    [Fact]
    public Task RabbitMQ_killed_and_started_again_loses_and_repeats_nothing() => NothingLostOrRepeated(Fault.BrokerKilled);

    [Fact]
    public Task PostgreSQL_killed_and_started_again_loses_and_repeats_nothing() => NothingLostOrRepeated(Fault.DatabaseKilled);

    [Fact]
    public Task A_replica_of_each_consuming_service_killed_loses_and_repeats_nothing() => NothingLostOrRepeated(Fault.ReplicasKilled);

    [Fact]
    public Task Escalation_down_past_a_deadline_fires_each_deadline_once_when_it_is_back() => NothingLostOrRepeated(Fault.EscalationDown);

    [Fact]
    public Task Every_message_delivered_twice_takes_effect_once() => NothingLostOrRepeated(Fault.DeliveredTwice);

    [Fact]
    public async Task A_poison_message_is_parked_in_its_error_queue_and_nothing_else_is_held_up()
    {
        var outcome = await NothingLostOrRepeated(Fault.Poison);
        Assert.Equal("notification-notify-recipients_error", Assert.Single(outcome.Poison).Queue);
    }

    private async Task<FaultOutcome> NothingLostOrRepeated(Fault fault)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var outcome = await faults.Runner.RunAsync(fault, timeout.Token);
        var description = outcome.Describe();
        output.WriteLine(description);
        // Some reports at least: during a fault the gateway may refuse (502, 503), which promises nothing.
        Assert.True(outcome.Row.Accepted >= faults.Runner.Profile.ReportsPerSecond * faults.Runner.Profile.Duration.TotalSeconds / 10, description);
        // A refusal tells the client to try again (a 502 or 503 while something is down), never an error of its own.
        Assert.False(outcome.Load.Refused.ContainsKey("500"), description);
        Assert.True(outcome.Row.Lost == 0, description);
        Assert.True(outcome.Row.Duplicated == 0, description);
        Assert.True(outcome.Parked.Count == 0, description);
        return outcome;
    }
}
