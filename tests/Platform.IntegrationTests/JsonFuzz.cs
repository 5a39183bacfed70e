using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// Bodies that no endpoint may accept, made from a valid one: some noise first (huge or exotic strings, negative and huge
/// numbers, a field removed, unknown fields full of nested junk, names no enum has), then at least one poison that makes
/// the body invalid whatever the noise did (a NUL in a string, a value of the wrong JSON kind, a root that is not the
/// object expected, JSON cut short or nested past any limit).
/// </summary>
internal static class JsonFuzz
{
    private static readonly string[] Exotic =
    [
        "", " ", "Zoë – café", "😀👩🏽‍⚕️", "\u202Eevil\u202C", "a\u0301\u0301\u0301", "\uFFFF\uFFFE", "'; DROP TABLE reports; --",
        "<script>alert(1)</script>", "../../etc/passwd", "%00", "\\u0000", "null", "NaN", "-1", "00:00:00", "9999-12-31T23:59:59Z",
    ];

    public static Gen<string> Bodies(JsonNode sample) =>
        from count in Gen.Choose(0, 2)
        from noise in Gen.ListOf(Gen.Choose(0, 4), count)
        from picks in Gen.ArrayOf(Gen.Choose(0, 1_000_000), 8)
        from poison in Gen.Frequency((6, Gen.Constant(Poison.Nul)), (6, Gen.Constant(Poison.WrongKind)), (2, Gen.Constant(Poison.WrongRoot)),
            (1, Gen.Constant(Poison.Truncated)), (1, Gen.Constant(Poison.TooDeep)))
        select Make(sample, noise, poison, picks);

    private enum Poison { Nul, WrongKind, WrongRoot, Truncated, TooDeep }

    private static string Make(JsonNode sample, IEnumerable<int> noise, Poison poison, int[] picks)
    {
        var body = sample.DeepClone();
        var pick = 0;
        int Next(int count) => count == 0 ? 0 : picks[pick++ % picks.Length] % count;
        foreach (var kind in noise)
        {
            AddNoise(body, kind, Next);
        }
        switch (poison)
        {
            case Poison.Nul when Leaves(body).Where(l => l.GetValueKind() == JsonValueKind.String).ToList() is { Count: > 0 } strings:
                var target = strings[Next(strings.Count)];
                var text = target.GetValue<string>();
                target.ReplaceWith(JsonValue.Create(text.Insert(Next(text.Length + 1), "\0")));
                return body.ToJsonString();
            case Poison.Nul:
            case Poison.WrongKind:
                // Not inside the unknown fields the noise added: those are ignored, whatever they hold.
                var nodes = Values(body).Where(n => !n.GetPath().Contains(".zz", StringComparison.Ordinal)).ToList();
                if (nodes.Count == 0)
                {
                    goto case Poison.WrongRoot; // the noise removed every field
                }
                var victim = nodes[Next(nodes.Count)];
                victim.ReplaceWith(WrongKindFor(victim, Next));
                return body.ToJsonString();
            case Poison.WrongRoot:
                return new[] { "[]", "\"report\"", "42", "true", "null", "[{\"a\":1}]" }[Next(6)];
            case Poison.Truncated:
                var json = body.ToJsonString();
                return json[..Math.Max(1, Next(json.Length))];
            default:
                var depth = 100 + Next(900);
                return new string('[', depth) + new string(']', depth);
        }
    }

    private static void AddNoise(JsonNode body, int kind, Func<int, int> next)
    {
        var leaves = Leaves(body).ToList();
        switch (kind)
        {
            case 0 when leaves.Where(l => l.GetValueKind() == JsonValueKind.String).ToList() is { Count: > 0 } strings:
                var text = next(4) == 0 ? new string('x', 20_000 + next(60_000)) : Exotic[next(Exotic.Length)];
                strings[next(strings.Count)].ReplaceWith(JsonValue.Create(text));
                break;
            case 1 when leaves.Where(l => l.GetValueKind() == JsonValueKind.Number).ToList() is { Count: > 0 } numbers:
                numbers[next(numbers.Count)].ReplaceWith(JsonValue.Create(new[] { -1m, -2147483649m, 1e28m, 0m }[next(4)]));
                break;
            case 2 when Objects(body).Where(o => o.Count > 0).ToList() is { Count: > 0 } objects:
                var from = objects[next(objects.Count)];
                from.Remove(from.ElementAt(next(from.Count)).Key);
                break;
            case 3 when Objects(body).ToList() is { Count: > 0 } objects:
                objects[next(objects.Count)]["zz" + next(1000)] = JsonNode.Parse("""{"a":[1,{"b":[null,"c",{"d":{}}]}],"e":-0.5}""");
                break;
            case 4 when leaves.Where(l => l.GetValueKind() == JsonValueKind.String && l.GetValue<string>() is [>= 'A' and <= 'Z', ..]).ToList() is { Count: > 0 } names:
                names[next(names.Count)].ReplaceWith(JsonValue.Create("NoSuch" + next(1000)));
                break;
        }
    }

    private static JsonNode WrongKindFor(JsonNode node, Func<int, int> next)
    {
        JsonNode[] choices = node.GetValueKind() switch
        {
            JsonValueKind.String => [JsonValue.Create(12345), JsonValue.Create(true), new JsonArray(), new JsonObject { ["x"] = 1 }],
            JsonValueKind.Number => [JsonValue.Create("not a number"), JsonValue.Create(false), new JsonArray(1, 2), new JsonObject()],
            JsonValueKind.True or JsonValueKind.False => [JsonValue.Create("yes please"), new JsonArray(true), new JsonObject()],
            JsonValueKind.Array => [JsonValue.Create("a list?"), new JsonObject { ["0"] = "x" }, JsonValue.Create(7)],
            _ => [JsonValue.Create("an object?"), new JsonArray(new JsonObject()), JsonValue.Create(-3)],
        };
        return choices[next(choices.Length)];
    }

    private static IEnumerable<JsonNode> Values(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Values(p.Value).Prepend(p.Value)).Distinct(),
        JsonArray a => a.SelectMany(v => v is null ? [] : Values(v).Prepend(v)).Distinct(),
        _ => [],
    };

    private static IEnumerable<JsonValue> Leaves(JsonNode node) => Values(node).OfType<JsonValue>();

    private static IEnumerable<JsonObject> Objects(JsonNode node) => Values(node).OfType<JsonObject>().Prepend(node as JsonObject).OfType<JsonObject>();
}
