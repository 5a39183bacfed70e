using System.Net.Mail;
using Haven.Contracts.Notifications;
using Haven.Notification.Data;

namespace Haven.Notification.Apis;

/// <summary>A directory entry as institution admins write it.</summary>
public sealed record PersonRequest(string? UserId, string? DisplayName, string? Email, List<string>? Roles,
    List<NotificationChannel>? Channels, PreferencesRequest? Preferences);

/// <summary>What a person chooses: which kinds they want no email for, and when not to be disturbed (critical still is).</summary>
public sealed record PreferencesRequest(List<NotificationChannel>? Channels, List<NotificationKind>? MutedKinds, TimeOnly? QuietHoursStart,
    TimeOnly? QuietHoursEnd, string? TimeZone);

public sealed record PersonView(Guid Id, string UserId, string DisplayName, string Email, IReadOnlyList<string> Roles,
    IReadOnlyList<NotificationChannel> Channels, PreferencesView Preferences, DateTimeOffset UpdatedAt)
{
    public static PersonView From(Person p) => new(p.Id, p.UserId, p.DisplayName, p.Email, p.Roles, p.Channels, PreferencesView.From(p),
        p.UpdatedAt);
}

public sealed record PreferencesView(IReadOnlyList<NotificationChannel> Channels, IReadOnlyList<NotificationKind> MutedKinds,
    TimeOnly? QuietHoursStart, TimeOnly? QuietHoursEnd, string TimeZone)
{
    public static PreferencesView From(Person p) => new(p.Channels, p.MutedKinds, p.QuietHoursStart, p.QuietHoursEnd, p.TimeZone);
}

public static partial class DirectoryValidation
{
    private static readonly NotificationChannel[] PersonChannels = [NotificationChannel.Email, NotificationChannel.Inbox];

    public static Dictionary<string, string[]> Validate(PersonRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserId) || request.UserId.Length > 200)
        {
            errors["userId"] = ["The user id (the sub claim of their tokens) is required, at most 200 characters."];
        }
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200)
        {
            errors["displayName"] = ["A display name is required, at most 200 characters."];
        }
        if (string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > 320 || !MailAddress.TryCreate(request.Email, out var address)
            || address.Address != request.Email.Trim())
        {
            errors["email"] = ["A plain email address (name@domain) is required."];
        }
        // Institutional roles (escalation targets such as program-director or security), not only Haven's sign-in roles.
        if ((request.Roles ?? []).Any(r => !RoleName().IsMatch(r)))
        {
            errors["roles"] = ["Roles are lower-case names such as case-manager, program-director, security (letters, digits, dashes)."];
        }
        if ((request.Channels ?? []).Any(c => !PersonChannels.Contains(c)))
        {
            errors["channels"] = ["People are reached by Email and Inbox; webhooks are subscriptions."];
        }
        if (request.Preferences is { } preferences)
        {
            foreach (var (key, value) in ValidatePreferences(preferences))
            {
                errors[key] = value;
            }
        }
        return errors;
    }

    public static Dictionary<string, string[]> ValidatePreferences(PreferencesRequest preferences)
    {
        var errors = new Dictionary<string, string[]>();
        if (preferences.QuietHoursStart.HasValue != preferences.QuietHoursEnd.HasValue)
        {
            errors["preferences.quietHours"] = ["Give both the start and the end of quiet hours, or neither."];
        }
        if (preferences.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors["preferences.timeZone"] = ["An IANA time zone, e.g. America/Chicago."];
        }
        if ((preferences.Channels ?? []).Any(c => !PersonChannels.Contains(c)))
        {
            errors["preferences.channels"] = ["People are reached by Email and Inbox."];
        }
        if ((preferences.MutedKinds ?? []).Any(k => !Enum.IsDefined(k)))
        {
            errors["preferences.mutedKinds"] = ["Unknown notification kind."];
        }
        return errors;
    }

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
