namespace Haven.PeerSupport;

/// <summary>
/// Deployment defaults for the support journey (configuration section <c>PeerSupport</c>); a network lead may
/// tune them for their network (<c>PUT /api/peer-support/network/settings</c>).
/// </summary>
public sealed class PeerSupportOptions
{
    public const string SectionName = "PeerSupport";

    /// <summary>How long a supporter has to accept an offer before the request goes to someone else.</summary>
    public TimeSpan OfferDeadline { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The same for urgent requests (threats, doxxing).</summary>
    public TimeSpan UrgentOfferDeadline { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Declined or expired offers after which the network lead is told.</summary>
    public int RefusalsBeforeLeadIsTold { get; set; } = 3;

    /// <summary>The first check-in, counted from acceptance (day 3).</summary>
    public TimeSpan FirstCheckIn { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The second check-in, counted from acceptance (week 2).</summary>
    public TimeSpan SecondCheckIn { get; set; } = TimeSpan.FromDays(14);
}
