using Haven.Hosting.Dashboard.Telemetry;

namespace Haven.Hosting.Dashboard.Otlp;

/// <summary>opentelemetry/proto/collector/logs/v1 ExportLogsServiceRequest { repeated ResourceLogs resource_logs = 1; }</summary>
internal static class OtlpLogDecoder
{
    public static List<LogEntry> Decode(ReadOnlySpan<byte> request)
    {
        var logs = new List<LogEntry>();
        var reader = new ProtoReader(request);
        while (reader.TryReadField(out var field))
        {
            if (field == 1)
            {
                ReadResourceLogs(reader.ReadMessage(), logs);
            }
            else
            {
                reader.Skip();
            }
        }
        return logs;
    }

    // ResourceLogs { Resource resource = 1; repeated ScopeLogs scope_logs = 2; }
    private static void ReadResourceLogs(ProtoReader reader, List<LogEntry> logs)
    {
        var source = OtlpCommon.FindResource(reader);
        while (reader.TryReadField(out var field))
        {
            if (field == 2)
            {
                ReadScopeLogs(reader.ReadMessage(), source, logs);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // ScopeLogs { InstrumentationScope scope = 1; repeated LogRecord log_records = 2; } — .NET names the scope after the logger category.
    private static void ReadScopeLogs(ProtoReader reader, TelemetrySource source, List<LogEntry> logs)
    {
        var category = OtlpCommon.FindScopeName(reader);
        while (reader.TryReadField(out var field))
        {
            if (field == 2)
            {
                logs.Add(ReadLogRecord(reader.ReadMessage(), source, category));
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // LogRecord: time 1, severity_number 2, body 5, attributes 6, trace_id 9, span_id 10, observed_time 11.
    private static LogEntry ReadLogRecord(ProtoReader reader, TelemetrySource source, string category)
    {
        ulong time = 0, observed = 0;
        var severity = 0;
        string? traceId = null, spanId = null;
        var body = "";
        var attributes = new Dictionary<string, string>();
        while (reader.TryReadField(out var field))
        {
            switch (field)
            {
                case 1: time = reader.ReadFixed64(); break;
                case 2: severity = reader.ReadInt32(); break;
                case 5: body = OtlpCommon.ReadAnyValue(reader.ReadMessage()); break;
                case 6: OtlpCommon.ReadKeyValue(reader.ReadMessage(), attributes); break;
                case 9: traceId = OtlpCommon.ToHexId(reader.ReadBytes()); break;
                case 10: spanId = OtlpCommon.ToHexId(reader.ReadBytes()); break;
                case 11: observed = reader.ReadFixed64(); break;
                default: reader.Skip(); break;
            }
        }
        // Without a formatted message the body is empty; the template is the next best thing to show.
        var message = body.Length > 0 ? body : attributes.GetValueOrDefault("{OriginalFormat}") ?? "";
        return new LogEntry(OtlpCommon.ToTime(time != 0 ? time : observed), severity,
            LogEntry.LevelOf(severity), message, source.Service, source.Instance, category, attributes, traceId, spanId);
    }
}
