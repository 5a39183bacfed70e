using System.Globalization;
using Haven.Hosting.Dashboard.Telemetry;

namespace Haven.Hosting.Dashboard.Otlp;

/// <summary>opentelemetry/proto/common/v1 and resource/v1: resources, scopes, attributes and values.</summary>
internal static class OtlpCommon
{
    /// <summary>Resource { repeated KeyValue attributes = 1; }</summary>
    public static TelemetrySource ReadResource(ProtoReader reader)
    {
        var attributes = new Dictionary<string, string>();
        while (reader.TryReadField(out var field))
        {
            if (field == 1)
            {
                ReadKeyValue(reader.ReadMessage(), attributes);
            }
            else
            {
                reader.Skip();
            }
        }
        var service = attributes.GetValueOrDefault("service.name") ?? "unknown";
        return new TelemetrySource(service, attributes.GetValueOrDefault("service.instance.id") ?? service);
    }

    /// <summary>The first field 1 of a ResourceX message, read before its scopes: wire order is not guaranteed.</summary>
    public static TelemetrySource FindResource(ProtoReader reader)
    {
        while (reader.TryReadField(out var field))
        {
            if (field == 1)
            {
                return ReadResource(reader.ReadMessage());
            }
            reader.Skip();
        }
        return new TelemetrySource("unknown", "unknown");
    }

    /// <summary>The name of InstrumentationScope { string name = 1; }, found in a ScopeX message's field 1.</summary>
    public static string FindScopeName(ProtoReader reader)
    {
        while (reader.TryReadField(out var field))
        {
            if (field == 1)
            {
                var scope = reader.ReadMessage();
                while (scope.TryReadField(out var scopeField))
                {
                    if (scopeField == 1)
                    {
                        return scope.ReadString();
                    }
                    scope.Skip();
                }
                return "";
            }
            reader.Skip();
        }
        return "";
    }

    /// <summary>KeyValue { string key = 1; AnyValue value = 2; }</summary>
    public static void ReadKeyValue(ProtoReader reader, Dictionary<string, string> into)
    {
        var key = "";
        var value = "";
        while (reader.TryReadField(out var field))
        {
            switch (field)
            {
                case 1: key = reader.ReadString(); break;
                case 2: value = ReadAnyValue(reader.ReadMessage()); break;
                default: reader.Skip(); break;
            }
        }
        into[key] = value;
    }

    /// <summary>AnyValue, shown as text: string 1, bool 2, int 3, double 4, array 5, kvlist 6, bytes 7.</summary>
    public static string ReadAnyValue(ProtoReader reader)
    {
        var value = "";
        while (reader.TryReadField(out var field))
        {
            value = field switch
            {
                1 => reader.ReadString(),
                2 => reader.ReadBool() ? "true" : "false",
                3 => reader.ReadInt64().ToString(CultureInfo.InvariantCulture),
                4 => reader.ReadDouble().ToString(CultureInfo.InvariantCulture),
                5 => $"[{string.Join(", ", ReadArray(reader.ReadMessage()))}]",
                6 => ReadKeyValueList(reader.ReadMessage()),
                7 => Convert.ToBase64String(reader.ReadBytes()),
                _ => SkipAndKeep(ref reader, value),
            };
        }
        return value;
    }

    public static DateTimeOffset ToTime(ulong unixNanos) => DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanos / 100));

    /// <summary>Trace and span ids as lower-case hex (W3C traceparent's spelling); empty means absent.</summary>
    public static string? ToHexId(ReadOnlySpan<byte> id) =>
        id.IsEmpty || !id.ContainsAnyExcept((byte)0) ? null : Convert.ToHexStringLower(id);

    // ArrayValue { repeated AnyValue values = 1; }
    private static List<string> ReadArray(ProtoReader reader)
    {
        var values = new List<string>();
        while (reader.TryReadField(out var field))
        {
            if (field == 1)
            {
                values.Add(ReadAnyValue(reader.ReadMessage()));
            }
            else
            {
                reader.Skip();
            }
        }
        return values;
    }

    // KeyValueList { repeated KeyValue values = 1; }
    private static string ReadKeyValueList(ProtoReader reader)
    {
        var values = new Dictionary<string, string>();
        while (reader.TryReadField(out var field))
        {
            if (field == 1)
            {
                ReadKeyValue(reader.ReadMessage(), values);
            }
            else
            {
                reader.Skip();
            }
        }
        return $"{{{string.Join(", ", values.Select(kv => $"{kv.Key}={kv.Value}"))}}}";
    }

    private static string SkipAndKeep(ref ProtoReader reader, string value)
    {
        reader.Skip();
        return value;
    }
}
