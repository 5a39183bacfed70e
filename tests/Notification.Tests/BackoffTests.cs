using Haven.Notification.Delivery;

namespace Haven.Notification.Tests;

public sealed class When_a_delivery_is_retried
{
    private const int Samples = 2_000;
    private static readonly RetryOptions Options = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(60) };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    public void The_delay_lies_between_half_and_all_of_the_doubling_bound(int attempt, int boundSeconds)
    {
        var bound = TimeSpan.FromSeconds(boundSeconds);

        Assert.All(Delays(attempt), delay => Assert.InRange(delay, bound / 2, bound));
    }

    [Fact]
    public void Delays_never_shrink_from_one_attempt_to_the_next_below_the_cap()
    {
        // Attempt n+1 waits at least half of twice attempt n's bound, which is all of attempt n's bound.
        for (var attempt = 1; attempt < 6; attempt++)
        {
            Assert.True(Delays(attempt).Max() <= Delays(attempt + 1).Min(), $"attempt {attempt + 1} may wait less than attempt {attempt}");
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(10_000)]
    [InlineData(int.MaxValue)]
    public void Late_attempts_wait_no_longer_than_the_maximum(int attempt) =>
        Assert.All(Delays(attempt), delay => Assert.InRange(delay, Options.MaxDelay / 2, Options.MaxDelay));

    [Fact]
    public void Jitter_spreads_deliveries_that_failed_together_across_the_window()
    {
        var delays = Delays(6);
        var bound = TimeSpan.FromSeconds(32);

        Assert.True(delays.Min() < bound * 0.55, $"the earliest of {Samples} retries waited {delays.Min()}");
        Assert.True(delays.Max() > bound * 0.95, $"the latest of {Samples} retries waited {delays.Max()}");
        Assert.True(delays.Distinct().Count() > Samples / 2, "retries bunch on a few delays");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void An_attempt_count_below_one_counts_as_the_first_attempt(int attempt) =>
        Assert.All(Delays(attempt), delay => Assert.InRange(delay, Options.BaseDelay / 2, Options.BaseDelay));

    [Fact]
    public void The_configured_defaults_start_at_ten_seconds_and_stop_at_thirty_minutes()
    {
        var defaults = new RetryOptions();

        Assert.All(Enumerable.Range(0, Samples).Select(_ => Backoff.Delay(defaults, 1)),
            delay => Assert.InRange(delay, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)));
        Assert.All(Enumerable.Range(0, Samples).Select(_ => Backoff.Delay(defaults, 50)),
            delay => Assert.InRange(delay, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)));
    }

    private static List<TimeSpan> Delays(int attempt) => [.. Enumerable.Range(0, Samples).Select(_ => Backoff.Delay(Options, attempt))];
}
