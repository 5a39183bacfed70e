using System.Text.RegularExpressions;
using Haven.Http;

namespace Haven.Escalation.Apis;

public static partial class PolicyValidation
{
    public const int MaxLevels = 10;
    public const int MaxRepeats = 10;
    public const int MaxRolesPerLevel = 10;
    private static readonly TimeSpan ShortestDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromDays(30);

    /// <summary>Field errors keyed as a client sent them (e.g. <c>levels[1].roles</c>).</summary>
    public static Validation Validate(PolicyRequest? policy)
    {
        var validation = new Validation();
        if (policy?.Levels is not { Count: > 0 and <= MaxLevels } levels)
        {
            return validation.Require(false, "levels", $"Give between 1 and {MaxLevels} levels.");
        }
        validation.Require(policy.Repeats is >= 0 and <= MaxRepeats, "repeats", $"Repeats must be between 0 and {MaxRepeats}.");
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            validation.Require(level.Roles is { Count: > 0 and <= MaxRolesPerLevel } roles && roles.All(r => r is not null && RoleName().IsMatch(r)),
                $"levels[{i}].roles", $"Give 1 to {MaxRolesPerLevel} roles, each lower-case letters and dashes (e.g. case-manager).");
            foreach (var (name, delay) in new[] { ("critical", level.Critical), ("high", level.High), ("moderate", level.Moderate), ("low", level.Low) })
            {
                validation.Require(delay >= ShortestDelay && delay <= LongestDelay, $"levels[{i}].{name}", "The delay must be between 1 second and 30 days.");
            }
        }
        return validation;
    }

    [GeneratedRegex("^[a-z][a-z-]{0,49}$")]
    private static partial Regex RoleName();
}
