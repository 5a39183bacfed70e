using System.Globalization;
using System.Text.RegularExpressions;

namespace Haven.WebApp.Services;

/// <summary>
/// A ladder's delays as people write them ("4h", "1h 30m", "3d"): exact to the second both ways, so saving a ladder
/// never changes a delay nobody touched (a decimal number of hours would round).
/// </summary>
public static partial class Delay
{
    public const string Hint = "e.g. 1h, 30m, 1h 30m or 3d";

    public const string Unreadable = "Write a time such as 4h, 30m, 1h 30m or 3d.";

    public static string Format(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0) parts.Add($"{span.Days}d");
        if (span.Hours > 0) parts.Add($"{span.Hours}h");
        if (span.Minutes > 0) parts.Add($"{span.Minutes}m");
        if (span.Seconds > 0 || parts.Count == 0) parts.Add($"{span.Seconds}s");
        return string.Join(' ', parts);
    }

    public static bool TryParse(string? text, out TimeSpan span)
    {
        span = TimeSpan.Zero;
        if (text is null || !Whole().IsMatch(text))
        {
            return false;
        }
        foreach (Match part in Part().Matches(text))
        {
            if (!long.TryParse(part.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
            {
                return false;
            }
            span += part.Groups[2].Value.ToLowerInvariant() switch
            {
                "d" => TimeSpan.FromDays(n),
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromSeconds(n),
            };
        }
        return true;
    }

    [GeneratedRegex(@"^\s*(\d+\s*[dhms]\s*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+)\s*([dhms])", RegexOptions.IgnoreCase)]
    private static partial Regex Part();
}
