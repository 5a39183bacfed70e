using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Haven.Contracts.Notifications;
using Haven.Http;
using Haven.Notification.Data;

namespace Haven.Notification.Apis;

/// <summary>A directory entry as institution admins write it.</summary>
/// <param name="UserId">The person's user id: the <c>sub</c> claim of their tokens, at most 200 characters; unique in the institution.</param>
/// <param name="DisplayName">Their name as shown, at most 200 characters.</param>
/// <param name="Email">A plain email address (name@domain), where their email notifications go.</param>
/// <param name="Roles">Institutional roles, which escalation levels name: lower-case letters, digits and dashes (at most 50), e.g.
/// <c>program-director</c>.</param>
/// <param name="Channels">How they are reached: Email and/or Inbox; null keeps the current ones (both, for a new person).</param>
/// <param name="Preferences">What they choose; null leaves the current choice (no mutes, no quiet hours, UTC for a new person).</param>
public sealed record PersonRequest([property: MaxLength(DirectoryValidation.NameLength)] string? UserId,
    [property: MaxLength(DirectoryValidation.NameLength)] string? DisplayName,
    [property: MaxLength(DirectoryValidation.EmailLength)] string? Email, List<string>? Roles,
    List<NotificationChannel>? Channels, PreferencesRequest? Preferences);

/// <summary>What a person chooses: which kinds they want no email for, and when not to be disturbed (critical still is).</summary>
/// <param name="Channels">How they are reached: Email and/or Inbox; null keeps the current channels.</param>
/// <param name="MutedKinds">Kinds that send them no email (a safety alert or a critical case still does); null or empty mutes none.</param>
/// <param name="QuietHoursStart">When quiet hours start in their time zone, e.g. <c>22:00:00</c>: email waits until they end. Give both ends or
/// neither.</param>
/// <param name="QuietHoursEnd">When quiet hours end in their time zone, e.g. <c>07:00:00</c>.</param>
/// <param name="TimeZone">An IANA time zone, e.g. <c>America/Chicago</c>; null means UTC.</param>
public sealed record PreferencesRequest(List<NotificationChannel>? Channels, List<NotificationKind>? MutedKinds, TimeOnly? QuietHoursStart,
    TimeOnly? QuietHoursEnd, string? TimeZone);

/// <summary>A person of the institution's directory, whom notifications reach.</summary>
/// <param name="Id">The directory entry.</param>
/// <param name="UserId">The person's user id: the <c>sub</c> claim of their tokens.</param>
/// <param name="DisplayName">Their name as shown.</param>
/// <param name="Email">Where their email notifications go.</param>
/// <param name="Roles">Their institutional roles, which escalation levels name.</param>
/// <param name="Channels">How they are reached.</param>
/// <param name="Preferences">What they chose.</param>
/// <param name="UpdatedAt">When the entry last changed.</param>
public sealed record PersonResponse(Guid Id, string UserId, string DisplayName, string Email, IReadOnlyList<string> Roles,
    IReadOnlyList<NotificationChannel> Channels, PreferencesResponse Preferences, DateTimeOffset UpdatedAt)
{
    public static PersonResponse From(Person p) => new(p.Id, p.UserId, p.DisplayName, p.Email, p.Roles, p.Channels, PreferencesResponse.From(p),
        p.UpdatedAt);
}

/// <summary>What a person chose: how they are reached, which kinds send them no email, and their quiet hours.</summary>
/// <param name="Channels">How they are reached.</param>
/// <param name="MutedKinds">Kinds that send them no email (a safety alert or a critical case still does).</param>
/// <param name="QuietHoursStart">When quiet hours start in their time zone; null when they have none.</param>
/// <param name="QuietHoursEnd">When quiet hours end in their time zone; null when they have none.</param>
/// <param name="TimeZone">Their IANA time zone, e.g. <c>America/Chicago</c>; <c>UTC</c> unless they chose one.</param>
public sealed record PreferencesResponse(IReadOnlyList<NotificationChannel> Channels, IReadOnlyList<NotificationKind> MutedKinds,
    TimeOnly? QuietHoursStart, TimeOnly? QuietHoursEnd, string TimeZone)
{
    public static PreferencesResponse From(Person p) => new(p.Channels, p.MutedKinds, p.QuietHoursStart, p.QuietHoursEnd, p.TimeZone);
}

public static partial class DirectoryValidation
{
    /// <summary>The longest user id and display name, and the longest email address (RFC 5321's 64 + 1 + 255).</summary>
    public const int NameLength = 200, EmailLength = 320;

    private static readonly NotificationChannel[] PersonChannels = [NotificationChannel.Email, NotificationChannel.Inbox];

    public static Validation Validate(PersonRequest request) =>
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.UserId) && request.UserId.Length <= NameLength, "userId",
                $"The user id (the sub claim of their tokens) is required, at most {NameLength} characters.")
            .Require(!string.IsNullOrWhiteSpace(request.DisplayName) && request.DisplayName.Length <= NameLength, "displayName",
                $"A display name is required, at most {NameLength} characters.")
            .Require(!string.IsNullOrWhiteSpace(request.Email) && request.Email.Length <= EmailLength && MailAddress.TryCreate(request.Email, out var address)
                && address.Address == request.Email.Trim(), "email", "A plain email address (name@domain) is required.")
            // Institutional roles (escalation targets such as program-director or security), not only Haven's sign-in roles.
            .Require((request.Roles ?? []).All(r => RoleName().IsMatch(r)), "roles",
                "Roles are lower-case names such as case-manager, program-director, security (letters, digits, dashes).")
            .Require((request.Channels ?? []).All(c => PersonChannels.Contains(c)), "channels", "People are reached by Email and Inbox; webhooks are subscriptions.")
            .Include(request.Preferences is { } preferences ? ValidatePreferences(preferences).Errors : []);

    public static Validation ValidatePreferences(PreferencesRequest preferences) =>
        new Validation()
            .Require(preferences.QuietHoursStart.HasValue == preferences.QuietHoursEnd.HasValue, "preferences.quietHours",
                "Give both the start and the end of quiet hours, or neither.")
            .Require(preferences.TimeZone is not { } zone || TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _), "preferences.timeZone",
                "An IANA time zone, e.g. America/Chicago.")
            .Require((preferences.Channels ?? []).All(c => PersonChannels.Contains(c)), "preferences.channels", "People are reached by Email and Inbox.")
            .Require((preferences.MutedKinds ?? []).All(k => Enum.IsDefined(k)), "preferences.mutedKinds", "Unknown notification kind.");

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9-]{0,49}$")]
    private static partial System.Text.RegularExpressions.Regex RoleName();

    public static void Apply(Person person, PreferencesRequest preferences)
    {
        if (preferences.Channels is { } channels)
        {
            person.Channels = [.. channels.Distinct()];
        }
        person.MutedKinds = [.. (preferences.MutedKinds ?? []).Distinct()];
        person.QuietHoursStart = preferences.QuietHoursStart;
        person.QuietHoursEnd = preferences.QuietHoursEnd;
        person.TimeZone = preferences.TimeZone ?? "UTC";
    }
}
