using Haven.Hosting.Dashboard.Telemetry;

namespace Haven.Hosting.Dashboard.Otlp;

/// <summary>
/// opentelemetry/proto/collector/metrics/v1 ExportMetricsServiceRequest { repeated ResourceMetrics resource_metrics = 1; }.
/// Gauges, sums and explicit-bucket histograms (what .NET's SDK exports by default); exponential histograms and
/// summaries are skipped.
/// </summary>
internal static class OtlpMetricDecoder
{
    private const int Cumulative = 2;

    public static List<MetricSample> Decode(ReadOnlySpan<byte> request)
    {
        var samples = new List<MetricSample>();
        var reader = new ProtoReader(request);
        while (reader.TryReadField(out var field))
        {
            if (field == 1)
            {
                ReadResourceMetrics(reader.ReadMessage(), samples);
            }
            else
            {
                reader.Skip();
            }
        }
        return samples;
    }

    // ResourceMetrics { Resource resource = 1; repeated ScopeMetrics scope_metrics = 2; }
    private static void ReadResourceMetrics(ProtoReader reader, List<MetricSample> samples)
    {
        var source = OtlpCommon.FindResource(reader);
        while (reader.TryReadField(out var field))
        {
            if (field == 2)
            {
                ReadScopeMetrics(reader.ReadMessage(), source, samples);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // ScopeMetrics { InstrumentationScope scope = 1; repeated Metric metrics = 2; } — the scope is the Meter's name.
    private static void ReadScopeMetrics(ProtoReader reader, TelemetrySource source, List<MetricSample> samples)
    {
        var scope = OtlpCommon.FindScopeName(reader);
        while (reader.TryReadField(out var field))
        {
            if (field == 2)
            {
                ReadMetric(reader.ReadMessage(), source, scope, samples);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // Metric { name 1; description 2; unit 3; oneof data { Gauge 5; Sum 7; Histogram 9; ... } }
    private static void ReadMetric(ProtoReader reader, TelemetrySource source, string scope, List<MetricSample> samples)
    {
        var descriptor = reader;
        string name = "", description = "", unit = "";
        while (descriptor.TryReadField(out var field))
        {
            switch (field)
            {
                case 1: name = descriptor.ReadString(); break;
                case 2: description = descriptor.ReadString(); break;
                case 3: unit = descriptor.ReadString(); break;
                default: descriptor.Skip(); break;
            }
        }

        while (reader.TryReadField(out var field))
        {
            var kind = field switch { 5 => MetricKind.Gauge, 7 => MetricKind.Sum, 9 => MetricKind.Histogram, _ => (MetricKind?)null };
            if (kind is not { } metricKind)
            {
                reader.Skip();
                continue;
            }
            // Gauge, Sum and Histogram share: repeated points = 1; AggregationTemporality aggregation_temporality = 2.
            var data = reader.ReadMessage();
            var cumulative = metricKind != MetricKind.Gauge && FindTemporality(data) == Cumulative;
            while (data.TryReadField(out var dataField))
            {
                if (dataField != 1)
                {
                    data.Skip();
                    continue;
                }
                var (attributes, point) = metricKind == MetricKind.Histogram
                    ? ReadHistogramPoint(data.ReadMessage())
                    : ReadNumberPoint(data.ReadMessage());
                samples.Add(new MetricSample(source.Service, source.Instance, scope, name, description, unit, metricKind,
                    cumulative, attributes, point));
            }
        }
    }

    private static int FindTemporality(ProtoReader reader)
    {
        while (reader.TryReadField(out var field))
        {
            if (field == 2)
            {
                return reader.ReadInt32();
            }
            reader.Skip();
        }
        return 0;
    }

    // NumberDataPoint { start 2; time 3; double as_double = 4; sfixed64 as_int = 6; repeated KeyValue attributes = 7; }
    private static (Dictionary<string, string>, MetricPoint) ReadNumberPoint(ProtoReader reader)
    {
        var attributes = new Dictionary<string, string>();
        ulong start = 0, time = 0;
        double value = 0;
        while (reader.TryReadField(out var field))
        {
            switch (field)
            {
                case 2: start = reader.ReadFixed64(); break;
                case 3: time = reader.ReadFixed64(); break;
                case 4: value = reader.ReadDouble(); break;
                case 6: value = reader.ReadSFixed64(); break;
                case 7: OtlpCommon.ReadKeyValue(reader.ReadMessage(), attributes); break;
                default: reader.Skip(); break;
            }
        }
        return (attributes, new MetricPoint(OtlpCommon.ToTime(start), OtlpCommon.ToTime(time), value, null));
    }

    // HistogramDataPoint { start 2; time 3; count 4; sum 5; bucket_counts 6; explicit_bounds 7; attributes 9; }
    private static (Dictionary<string, string>, MetricPoint) ReadHistogramPoint(ProtoReader reader)
    {
        var attributes = new Dictionary<string, string>();
        ulong start = 0, time = 0, count = 0;
        double sum = 0;
        var buckets = new List<ulong>();
        var bounds = new List<double>();
        while (reader.TryReadField(out var field))
        {
            switch (field)
            {
                case 2: start = reader.ReadFixed64(); break;
                case 3: time = reader.ReadFixed64(); break;
                case 4: count = reader.ReadFixed64(); break;
                case 5: sum = reader.ReadDouble(); break;
                case 6: reader.ReadRepeatedFixed64(buckets); break;
                case 7: reader.ReadRepeatedDouble(bounds); break;
                case 9: OtlpCommon.ReadKeyValue(reader.ReadMessage(), attributes); break;
                default: reader.Skip(); break;
            }
        }
        var histogram = new HistogramValue(count, sum, buckets, bounds);
        return (attributes, new MetricPoint(OtlpCommon.ToTime(start), OtlpCommon.ToTime(time), count, histogram));
    }
}
