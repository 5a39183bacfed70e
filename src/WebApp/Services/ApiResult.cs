using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Haven.WebApp.Extensions;

namespace Haven.WebApp.Services;

/// <summary>An API's answer: its value, or what went wrong in words a page can show (field errors by JSON path).</summary>
public sealed record ApiResult<T>(T? Value, HttpStatusCode Status, string? Problem, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Ok => (int)Status is >= 200 and < 300;

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The field errors to show beside their fields, or, when the API named none, its problem as an error of the whole form.</summary>
    public IReadOnlyDictionary<string, string[]> FormErrors(string failed) => Errors.Count > 0 ? Errors
        : new Dictionary<string, string[]> { [ApiErrors.General] = [Problem ?? $"{failed} ({(int)Status})."] };

    public static async Task<ApiResult<T>> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var value = response.Content.Headers.ContentLength is 0 ? default
                    : await response.Content.ReadFromJsonAsync<T>(Extensions.Extensions.Json, cancellationToken);
                return new(value, response.StatusCode, null, Empty);
            }
            var problem = await ReadProblemAsync(response, cancellationToken);
            return new(default, response.StatusCode, problem?.Detail ?? problem?.Title ?? response.ReasonPhrase, problem?.Errors ?? Empty);
        }
    }

    private static async Task<ProblemBody?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) != true)
        {
            return null;
        }
        try
        {
            return await response.Content.ReadFromJsonAsync<ProblemBody>(Extensions.Extensions.Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}

public static class ApiErrors
{
    /// <summary>The key of an error about a whole form rather than one field.</summary>
    public const string General = "";
}
