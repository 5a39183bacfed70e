using Microsoft.AspNetCore.Http.HttpResults;
namespace Haven.PeerSupport.Apis;

/// <summary>Collects field errors into the ProblemDetails shape minimal APIs answer with.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, string[]> _errors = [];

    public Validation Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            _errors[field] = [.. _errors.GetValueOrDefault(field, []), message];
        }
        return this;
    }

    public Validation Text(string? value, string field, int maxLength, bool required = true) =>
        Require(!required || !string.IsNullOrWhiteSpace(value), field, "Required.")
            .Require(value is null || value.Length <= maxLength, field, $"At most {maxLength} characters.");

    public bool IsValid => _errors.Count == 0;

    public ValidationProblem Problem() => TypedResults.ValidationProblem(_errors);

    /// <summary>Tags (languages, kinds of attack) compare case-insensitively and without duplicates.</summary>
    public static List<string> Tags(IEnumerable<string>? values) =>
        [.. (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim().ToLowerInvariant()).Distinct()];
}
