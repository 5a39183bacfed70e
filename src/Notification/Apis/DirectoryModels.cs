using System.Net.Mail;
using Haven.Contracts.Notifications;
using Haven.Http;
using Haven.Notification.Data;

namespace Haven.Notification.Apis;

/// <summary>A directory entry as institution admins write it.</summary>
public sealed record PersonRequest(string? UserId, string? DisplayName, string? Email, List<string>? Roles,
    List<NotificationChannel>? Channels, PreferencesRequest? Preferences);

/// <summary>What a person chooses: which kinds they want no email for, and when not to be disturbed (critical still is).</summary>
public sealed record PreferencesRequest(List<NotificationChannel>? Channels, List<NotificationKind>? MutedKinds, TimeOnly? QuietHoursStart,
    TimeOnly? QuietHoursEnd, string? TimeZone);

public sealed record PersonResponse(Guid Id, string UserId, string DisplayName, string Email, IReadOnlyList<string> Roles,
    IReadOnlyList<NotificationChannel> Channels, PreferencesResponse Preferences, DateTimeOffset UpdatedAt)
{
    public static PersonResponse From(Person p) => new(p.Id, p.UserId, p.DisplayName, p.Email, p.Roles, p.Channels, PreferencesResponse.From(p),
        p.UpdatedAt);
}

public sealed record PreferencesResponse(IReadOnlyList<NotificationChannel> Channels, IReadOnlyList<NotificationKind> MutedKinds,
    TimeOnly? QuietHoursStart, TimeOnly? QuietHoursEnd, string TimeZone)
{
    public static PreferencesResponse From(Person p) => new(p.Channels, p.MutedKinds, p.QuietHoursStart, p.QuietHoursEnd, p.TimeZone);
}

public static partial class DirectoryValidation
{
    private static readonly NotificationChannel[] PersonChannels = [NotificationChannel.Email, NotificationChannel.Inbox];

    public static Validation Validate(PersonRequest request) =>
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.UserId) && request.UserId.Length <= 200, "userId",
                "The user id (the sub claim of their tokens) is required, at most 200 characters.")
            .Require(!string.IsNullOrWhiteSpace(request.DisplayName) && request.DisplayName.Length <= 200, "displayName",
                "A display name is required, at most 200 characters.")
            .Require(!string.IsNullOrWhiteSpace(request.Email) && request.Email.Length <= 320 && MailAddress.TryCreate(request.Email, out var address)
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
