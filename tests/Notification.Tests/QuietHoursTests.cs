using Haven.Notification.Data;
using Haven.Notification.Delivery;

namespace Haven.Notification.Tests;

public sealed class When_a_recipient_has_quiet_hours
{
    private static readonly TimeSpan NewYorkWinter = TimeSpan.FromHours(-5);
    private static readonly TimeSpan NewYorkSummer = TimeSpan.FromHours(-4);

    [Fact]
    public void Without_quiet_hours_or_with_an_empty_window_nothing_is_held()
    {
        var now = new DateTimeOffset(2026, 1, 15, 3, 0, 0, TimeSpan.Zero);

        Assert.Null(QuietHours.HeldUntil(Person(null, null), now));
        Assert.Null(QuietHours.HeldUntil(Person(new TimeOnly(3, 0), new TimeOnly(3, 0)), now));
    }

    [Theory]
    [InlineData(13, 0, true)]
    [InlineData(13, 59, true)]
    [InlineData(14, 0, false)]
    [InlineData(12, 59, false)]
    public void A_window_within_the_day_holds_from_its_start_until_its_end(int hour, int minute, bool held)
    {
        var person = Person(new TimeOnly(13, 0), new TimeOnly(14, 0));
        var now = new DateTimeOffset(2026, 1, 15, hour, minute, 0, TimeSpan.Zero);

        Assert.Equal(held ? new DateTimeOffset(2026, 1, 15, 14, 0, 0, TimeSpan.Zero) : null, QuietHours.HeldUntil(person, now));
    }

    [Fact]
    public void Late_in_the_evening_a_window_across_midnight_holds_until_the_next_morning()
    {
        var person = Person(new TimeOnly(22, 0), new TimeOnly(7, 0), "America/New_York");

        var heldUntil = QuietHours.HeldUntil(person, new DateTimeOffset(2026, 1, 15, 23, 30, 0, NewYorkWinter));

        Assert.Equal(new DateTimeOffset(2026, 1, 16, 7, 0, 0, NewYorkWinter), heldUntil);
    }

    [Fact]
    public void After_midnight_a_window_across_midnight_holds_until_the_same_morning()
    {
        var person = Person(new TimeOnly(22, 0), new TimeOnly(7, 0), "America/New_York");

        var heldUntil = QuietHours.HeldUntil(person, new DateTimeOffset(2026, 1, 16, 3, 0, 0, NewYorkWinter));

        Assert.Equal(new DateTimeOffset(2026, 1, 16, 7, 0, 0, NewYorkWinter), heldUntil);
    }

    [Theory]
    [InlineData(21, 59)]
    [InlineData(7, 0)]
    [InlineData(12, 0)]
    public void Outside_a_window_across_midnight_nothing_is_held(int hour, int minute)
    {
        var person = Person(new TimeOnly(22, 0), new TimeOnly(7, 0), "America/New_York");

        Assert.Null(QuietHours.HeldUntil(person, new DateTimeOffset(2026, 1, 16, hour, minute, 0, NewYorkWinter)));
    }

    [Fact]
    public void The_window_is_read_in_the_recipient_s_time_zone_not_in_utc()
    {
        // 21:30 UTC is 22:30 in Berlin in winter: quiet there, though not yet in UTC.
        var person = Person(new TimeOnly(22, 0), new TimeOnly(7, 0), "Europe/Berlin");

        var heldUntil = QuietHours.HeldUntil(person, new DateTimeOffset(2026, 1, 15, 21, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 1, 16, 6, 0, 0, TimeSpan.Zero), heldUntil);
    }

    [Fact]
    public void The_offset_the_clock_reports_in_does_not_matter()
    {
        var person = Person(new TimeOnly(22, 0), new TimeOnly(7, 0), "America/New_York");
        var instant = new DateTimeOffset(2026, 1, 16, 4, 30, 0, TimeSpan.Zero);

        Assert.Equal(QuietHours.HeldUntil(person, instant), QuietHours.HeldUntil(person, instant.ToOffset(TimeSpan.FromHours(5.5))));
    }

    [Fact]
    public void On_the_night_clocks_spring_forward_the_window_ends_at_seven_in_summer_time()
    {
        // 2026-03-08 02:00 in New York jumps to 03:00: the night is an hour shorter, and 07:00 is already -04:00.
        var person = Person(new TimeOnly(22, 0), new TimeOnly(7, 0), "America/New_York");

        var heldUntil = QuietHours.HeldUntil(person, new DateTimeOffset(2026, 3, 7, 23, 0, 0, NewYorkWinter));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, NewYorkSummer), heldUntil);
        Assert.Equal(TimeSpan.FromHours(7), heldUntil - new DateTimeOffset(2026, 3, 7, 23, 0, 0, NewYorkWinter));
    }

    [Fact]
    public void On_the_night_clocks_fall_back_the_window_ends_at_seven_in_standard_time()
    {
        var person = Person(new TimeOnly(22, 0), new TimeOnly(7, 0), "America/New_York");

        var heldUntil = QuietHours.HeldUntil(person, new DateTimeOffset(2026, 10, 31, 23, 0, 0, NewYorkSummer));

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 7, 0, 0, NewYorkWinter), heldUntil);
        Assert.Equal(TimeSpan.FromHours(9), heldUntil - new DateTimeOffset(2026, 10, 31, 23, 0, 0, NewYorkSummer));
    }

    [Fact]
    public void An_unknown_time_zone_is_read_as_utc()
    {
        var person = Person(new TimeOnly(22, 0), new TimeOnly(7, 0), "Mars/Olympus_Mons");

        var heldUntil = QuietHours.HeldUntil(person, new DateTimeOffset(2026, 1, 15, 23, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 1, 16, 7, 0, 0, TimeSpan.Zero), heldUntil);
    }

    private static Person Person(TimeOnly? start, TimeOnly? end, string timeZone = "UTC") => new()
    {
        Id = Guid.NewGuid(), InstitutionId = "mercy", UserId = "cm-1", DisplayName = "Sam", Email = "sam@mercy.test", Digest = "",
        QuietHoursStart = start, QuietHoursEnd = end, TimeZone = timeZone,
    };
}
