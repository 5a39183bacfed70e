using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Refuses a NUL character (<c>\u0000</c>) anywhere in a JSON body or in the query string, with a 400 problem naming
/// where it is, before any endpoint sees it. PostgreSQL cannot store NUL in text, so such input would otherwise get as
/// far as SaveChanges and fail there with a 500; no legitimate text carries it.
/// </summary>
public static class NulCharacterGuard
{
    public const string Error = "Must not contain the NUL character (\\u0000).";

    // A NUL inside JSON text can only be written as this escape (raw control characters are not JSON): bodies without it
    // are let through unparsed.
    private static readonly byte[] Escape = "\\u0000"u8.ToArray();

    /// <summary>The path of every string (or property name) in <paramref name="json"/> that holds a NUL, as <c>a.b[0].c</c>.</summary>
    public static IReadOnlyList<string> FindInJson(ReadOnlySpan<byte> json)
    {
        var found = new List<string>();
        if (json.IndexOf(Escape) < 0)
        {
            return found;
        }
        // Each open object holds the property being read; each open array the index of its next element.
        var path = new List<(string? Property, int Index)>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Add((null, reader.TokenType == JsonTokenType.StartArray ? 0 : -1));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        NextElement(path);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        path[^1] = (name, -1);
                        if (name.Contains('\0'))
                        {
                            found.Add(Describe(path));
                        }
                        break;
                    case JsonTokenType.String:
                        if (reader.ValueIsEscaped && reader.GetString()!.Contains('\0'))
                        {
                            found.Add(Describe(path));
                        }
                        NextElement(path);
                        break;
                    default:
                        NextElement(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed: the endpoint's binding answers that, saying where.
            found.Clear();
        }
        return found;
    }

    /// <summary>Puts the guard first in the service's pipeline (an <see cref="IStartupFilter"/>), so no endpoint can miss it.</summary>
    public static IServiceCollection AddNulCharacterGuard(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, NulCharacterGuardStartupFilter>());
        return services;
    }

    internal static IApplicationBuilder UseNulCharacterGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, values) in context.Request.Query)
        {
            if (key.Contains('\0') || values.Any(v => v?.Contains('\0') == true))
            {
                errors[key.Replace("\0", "\\u0000", StringComparison.Ordinal)] = [Error];
            }
        }
        if (IsJson(context.Request))
        {
            context.Request.EnableBuffering();
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            context.Request.Body.Position = 0;
            foreach (var path in FindInJson(body.GetBuffer().AsSpan(0, (int)body.Length)))
            {
                errors[path] = [Error];
            }
        }
        if (errors.Count > 0)
        {
            await TypedResults.ValidationProblem(errors).ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static bool IsJson(HttpRequest request) =>
        request.ContentType is { } type && (request.HasJsonContentType() || type.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static void NextElement(List<(string? Property, int Index)> path)
    {
        if (path.Count > 0 && path[^1].Index >= 0)
        {
            path[^1] = (null, path[^1].Index + 1);
        }
    }

    private static string Describe(List<(string? Property, int Index)> path)
    {
        var text = new StringBuilder();
        foreach (var (property, index) in path)
        {
            if (index >= 0)
            {
                text.Append('[').Append(index).Append(']');
            }
            else if (property is not null)
            {
                text.Append(text.Length > 0 ? "." : "").Append(property.Replace("\0", "\\u0000", StringComparison.Ordinal));
            }
        }
        return text.Length > 0 ? text.ToString() : "$";
    }
}

internal sealed class NulCharacterGuardStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseNulCharacterGuard();
        next(app);
    };
}
