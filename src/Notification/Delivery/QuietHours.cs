using Haven.Notification.Data;

namespace Haven.Notification.Delivery;

public static class QuietHours
{
    /// <summary>When the person's quiet hours end, if <paramref name="now"/> falls in them; null when they may be disturbed.</summary>
    public static DateTimeOffset? HeldUntil(Person person, DateTimeOffset now)
    {
        if (person.QuietHoursStart is not { } start || person.QuietHoursEnd is not { } end || start == end)
        {
            return null;
        }
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(person.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        // Quiet hours may wrap midnight (22:00–07:00).
        var quiet = start < end ? time >= start && time < end : time >= start || time < end;
        if (!quiet)
        {
            return null;
        }
        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (time >= end)
        {
            endDate = endDate.AddDays(1);
        }
        var endLocal = endDate.ToDateTime(end);
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal));
    }
}
