using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Haven.Http;

/// <summary>
/// The one way every service validates a request: collect field errors (camelCase names, as the JSON has them), then
/// answer them all at once as a 400 validation problem, before anything is stored.
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, string[]> _errors = [];

    public Validation Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            field = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field);
            _errors[field] = [.. _errors.GetValueOrDefault(field, []), message];
        }
        return this;
    }

    /// <summary>Adds errors found elsewhere (a nested object's validation), under the given prefix.</summary>
    public Validation Include(IEnumerable<KeyValuePair<string, string[]>> errors, string? prefix = null)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                Require(false, prefix is null ? field : $"{prefix}.{field}", message);
            }
        }
        return this;
    }

    public Validation Text(string? value, string field, int maxLength, bool required = true) =>
        Require(!required || !string.IsNullOrWhiteSpace(value), field, "Required.")
            .Require(value is null || value.Length <= maxLength, field, $"At most {maxLength} characters.");

    /// <summary>
    /// A text property of a request, at most as long as its <see cref="MaxLengthAttribute"/> says: the attribute the OpenAPI
    /// document shows is the limit checked, so the two cannot differ.
    /// </summary>
    public Validation Text<T>(T request, string property, bool required = true) where T : notnull
    {
        var info = typeof(T).GetProperty(property) ?? throw new ArgumentException($"{typeof(T).Name} has no property {property}.", nameof(property));
        var maxLength = info.GetCustomAttribute<MaxLengthAttribute>()?.Length
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} documents no [MaxLength].");
        return Text((string?)info.GetValue(request), property, maxLength, required);
    }

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public ValidationProblem Problem() => TypedResults.ValidationProblem(_errors);

    /// <summary>Tags (languages, kinds of attack) compare case-insensitively and without duplicates.</summary>
    public static List<string> Tags(IEnumerable<string>? values) =>
        [.. (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim().ToLowerInvariant()).Distinct()];
}
