using Haven.Hosting.Dashboard.Telemetry;

namespace Haven.Hosting.Dashboard.Otlp;

/// <summary>opentelemetry/proto/collector/trace/v1 ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }</summary>
internal static class OtlpTraceDecoder
{
    public static List<SpanData> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<SpanData>();
        var reader = new ProtoReader(request);
        while (reader.TryReadField(out var field))
        {
            if (field == 1)
            {
                ReadResourceSpans(reader.ReadMessage(), spans);
            }
            else
            {
                reader.Skip();
            }
        }
        return spans;
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    private static void ReadResourceSpans(ProtoReader reader, List<SpanData> spans)
    {
        var source = OtlpCommon.FindResource(reader);
        while (reader.TryReadField(out var field))
        {
            if (field == 2)
            {
                ReadScopeSpans(reader.ReadMessage(), source, spans);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
    private static void ReadScopeSpans(ProtoReader reader, TelemetrySource source, List<SpanData> spans)
    {
        var scope = OtlpCommon.FindScopeName(reader);
        while (reader.TryReadField(out var field))
        {
            if (field == 2)
            {
                spans.Add(ReadSpan(reader.ReadMessage(), source, scope));
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // Span: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, start 7, end 8, attributes 9, events 11, status 15.
    private static SpanData ReadSpan(ProtoReader reader, TelemetrySource source, string scope)
    {
        string? traceId = null, spanId = null, parentSpanId = null, statusMessage = null;
        var name = "";
        var kind = SpanKind.Unspecified;
        var status = SpanStatus.Unset;
        ulong start = 0, end = 0;
        var attributes = new Dictionary<string, string>();
        var events = new List<SpanEvent>();
        while (reader.TryReadField(out var field))
        {
            switch (field)
            {
                case 1: traceId = OtlpCommon.ToHexId(reader.ReadBytes()); break;
                case 2: spanId = OtlpCommon.ToHexId(reader.ReadBytes()); break;
                case 4: parentSpanId = OtlpCommon.ToHexId(reader.ReadBytes()); break;
                case 5: name = reader.ReadString(); break;
                case 6: kind = (SpanKind)reader.ReadInt32(); break;
                case 7: start = reader.ReadFixed64(); break;
                case 8: end = reader.ReadFixed64(); break;
                case 9: OtlpCommon.ReadKeyValue(reader.ReadMessage(), attributes); break;
                case 11: events.Add(ReadEvent(reader.ReadMessage())); break;
                case 15: (status, statusMessage) = ReadStatus(reader.ReadMessage()); break;
                default: reader.Skip(); break;
            }
        }
        if (traceId is null || spanId is null)
        {
            throw new InvalidDataException("A span without a trace id or span id.");
        }
        return new SpanData(traceId, spanId, parentSpanId, name, Enum.IsDefined(kind) ? kind : SpanKind.Unspecified,
            OtlpCommon.ToTime(start), OtlpCommon.ToTime(Math.Max(start, end)), source.Service, source.Instance, scope,
            status, statusMessage, attributes, events);
    }

    // Span.Event { fixed64 time_unix_nano = 1; string name = 2; repeated KeyValue attributes = 3; }
    private static SpanEvent ReadEvent(ProtoReader reader)
    {
        ulong time = 0;
        var name = "";
        var attributes = new Dictionary<string, string>();
        while (reader.TryReadField(out var field))
        {
            switch (field)
            {
                case 1: time = reader.ReadFixed64(); break;
                case 2: name = reader.ReadString(); break;
                case 3: OtlpCommon.ReadKeyValue(reader.ReadMessage(), attributes); break;
                default: reader.Skip(); break;
            }
        }
        return new SpanEvent(OtlpCommon.ToTime(time), name, attributes);
    }

    // Status { string message = 2; StatusCode code = 3; } (0 unset, 1 ok, 2 error)
    private static (SpanStatus, string?) ReadStatus(ProtoReader reader)
    {
        var code = SpanStatus.Unset;
        string? message = null;
        while (reader.TryReadField(out var field))
        {
            switch (field)
            {
                case 2: message = reader.ReadString(); break;
                case 3: code = (SpanStatus)reader.ReadInt32(); break;
                default: reader.Skip(); break;
            }
        }
        return (Enum.IsDefined(code) ? code : SpanStatus.Unset, string.IsNullOrEmpty(message) ? null : message);
    }
}
