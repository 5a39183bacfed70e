using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Haven.Platform.IntegrationTests;

/// <summary>Checks JSON against a documented schema (an OpenAPI document's or the event catalogue's), strictly.</summary>
internal static class StrictSchemas
{
    /// <summary>
    /// The schema as a standalone JSON Schema (2020-12, as OpenAPI 3.1's are), with <paramref name="definitions"/> (an OpenAPI
    /// document's components) as <c>$defs</c>. Objects admit no undocumented properties, so a field the documentation does not
    /// show fails.
    /// </summary>
    public static IReadOnlyList<string> Errors(JsonNode schema, string json, JsonNode? definitions = null)
    {
        var standalone = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = definitions?.DeepClone() ?? new JsonObject(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        Close(standalone);
        var text = standalone.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var results = JsonSchema.FromText(text, baseUri: new Uri($"https://haven.test/schemas/{Guid.NewGuid():N}"))
            .Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }

    private static void Close(JsonNode node)
    {
        if (node is JsonObject o && o["properties"] is JsonObject && !o.ContainsKey("additionalProperties"))
        {
            o["additionalProperties"] = false;
        }
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            if (child is not null)
            {
                Close(child);
            }
        }
    }
}
