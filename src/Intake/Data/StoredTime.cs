namespace Haven.Intake.Data;

internal static class StoredTime
{
    /// <summary>
    /// <paramref name="time"/> cut to the microseconds PostgreSQL keeps, so a time compared or answered now is the time
    /// later reads return.
    /// </summary>
    public static DateTimeOffset Of(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));
}
