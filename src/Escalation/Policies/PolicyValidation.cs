using System.Text.RegularExpressions;

namespace Haven.Escalation.Policies;

public static partial class PolicyValidation
{
    public const int MaxLevels = 10;
    public const int MaxRepeats = 10;
    private static readonly TimeSpan ShortestDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromDays(30);

    /// <summary>Field errors keyed as a client sent them (e.g. <c>levels[1].roles</c>); empty when the policy is sound.</summary>
    public static Dictionary<string, string[]> Validate(PolicyApi.PolicyDto? policy)
    {
        var errors = new Dictionary<string, string[]>();
        if (policy?.Levels is not { Count: > 0 and <= MaxLevels } levels)
        {
            errors["levels"] = [$"Give between 1 and {MaxLevels} levels."];
            return errors;
        }
        if (policy.Repeats is < 0 or > MaxRepeats)
        {
            errors["repeats"] = [$"Repeats must be between 0 and {MaxRepeats}."];
        }
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            if (level.Roles is not { Count: > 0 and <= 10 } roles || roles.Any(r => r is null || !RoleName().IsMatch(r)))
            {
                errors[$"levels[{i}].roles"] = ["Give 1 to 10 roles, each lower-case letters and dashes (e.g. case-manager)."];
            }
            foreach (var (name, delay) in new[] { ("critical", level.Critical), ("high", level.High), ("moderate", level.Moderate), ("low", level.Low) })
            {
                if (delay < ShortestDelay || delay > LongestDelay)
                {
                    errors[$"levels[{i}].{name}"] = ["The delay must be between 1 second and 30 days."];
                }
            }
        }
        return errors;
    }

    [GeneratedRegex("^[a-z][a-z-]{0,49}$")]
    private static partial Regex RoleName();
}
