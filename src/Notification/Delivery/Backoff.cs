namespace Haven.Notification.Delivery;

public static class Backoff
{
    /// <summary>
    /// Equal jitter (a random delay between half and all of the exponential bound) spreads the retries of many
    /// deliveries that failed together, so a recovering receiver is not hit by all of them at once.
    /// </summary>
    public static TimeSpan Delay(RetryOptions options, int attempt)
    {
        var bound = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)));
        return TimeSpan.FromMilliseconds(bound / 2 + Random.Shared.NextDouble() * bound / 2);
    }
}
