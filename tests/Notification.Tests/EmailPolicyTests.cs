using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;
using Haven.Notification.Data;
using Haven.Notification.Delivery;

namespace Haven.Notification.Tests;

public sealed class When_an_email_meets_a_recipient_s_preferences
{
    // 23:30 UTC, inside the 22:00–07:00 quiet hours below.
    private static readonly DateTimeOffset Night = new(2026, 1, 15, 23, 30, 0, TimeSpan.Zero);

    private static readonly Person Sleeping = new()
    {
        InstitutionId = "mercy", UserId = "cm-1", DisplayName = "Carol", Email = "carol@mercy.test", Digest = "d",
        MutedKinds = [NotificationKind.Reminder, NotificationKind.SafetyAlert],
        QuietHoursStart = new TimeOnly(22, 0), QuietHoursEnd = new TimeOnly(7, 0),
    };

    [Theory]
    [InlineData(Severity.Low)]
    [InlineData(Severity.Moderate)]
    [InlineData(Severity.High)]
    public void A_case_that_is_not_critical_waits_for_the_end_of_quiet_hours(Severity severity) =>
        Assert.Equal(new DateTimeOffset(2026, 1, 16, 7, 0, 0, TimeSpan.Zero), EmailPolicy.HeldUntil(Sleeping, severity, Night));

    [Fact]
    public void A_critical_case_reaches_them_whatever_the_hour() =>
        Assert.Null(EmailPolicy.HeldUntil(Sleeping, Severity.Critical, Night));

    [Fact]
    public void A_muted_kind_sends_no_email_unless_it_cannot_wait()
    {
        Assert.False(EmailPolicy.Wants(Sleeping, NotificationKind.Reminder, Severity.High));
        Assert.True(EmailPolicy.Wants(Sleeping, NotificationKind.Reminder, Severity.Critical));
        Assert.True(EmailPolicy.Wants(Sleeping, NotificationKind.SafetyAlert, Severity.High));
        Assert.True(EmailPolicy.Wants(Sleeping, NotificationKind.Escalation, Severity.Low));
    }
}
