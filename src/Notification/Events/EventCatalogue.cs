using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Notification.Webhooks;

namespace Haven.Notification.Events;

/// <summary>One event type partners can subscribe to: its CloudEvents type, the contract it comes from, and its data's schema.</summary>
/// <param name="Type">The CloudEvents <c>type</c>, which subscriptions name, e.g. <c>haven.cases.case-status-changed.v1</c>.</param>
/// <param name="Contract">The message contract's name, e.g. <c>haven:cases:case-status-changed:v1</c>.</param>
/// <param name="Version">The contract's version: a change that would break a reader is a new type with a new version.</param>
/// <param name="Description">What the event means and when it is sent.</param>
/// <param name="DataSchema">The JSON Schema of the event's <c>data</c>.</param>
public sealed record EventTypeResponse(string Type, string Contract, int Version, string Description, JsonNode DataSchema);

/// <summary>Every event type partners can subscribe to, and the CloudEvents envelope each one arrives in.</summary>
/// <param name="SpecVersion">The CloudEvents version of the envelope, <c>1.0</c>.</param>
/// <param name="Source">The envelope's <c>source</c>, the institution the event belongs to.</param>
/// <param name="Subject">The envelope's <c>subject</c>, the case the event is about.</param>
/// <param name="DataContentType">The envelope's <c>datacontenttype</c>.</param>
/// <param name="Events">The event types, by type.</param>
public sealed record EventCatalogueResponse(string SpecVersion, string Source, string Subject, string DataContentType,
    IReadOnlyList<EventTypeResponse> Events);

/// <summary>
/// The event catalogue: built from the data records themselves (<see cref="ReportSubmittedData"/> and the others) with the serializer options
/// events are written with, so it cannot drift from what partners receive. A contract's new version is a new type.
/// </summary>
public static class EventCatalogue
{
    /// <summary>How an event's data is written: as the API writes JSON, camelCase with enums by name.</summary>
    public static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly (Type Contract, Type Data)[] Types =
    [
        (typeof(ReportSubmitted), typeof(ReportSubmittedData)),
        (typeof(ReportWithdrawn), typeof(ReportWithdrawnData)),
        (typeof(CaseStatusChanged), typeof(CaseStatusChangedData)),
        (typeof(CaseEscalated), typeof(CaseEscalatedData)),
        (typeof(CaseOverdue), typeof(CaseOverdueData)),
    ];

    public static readonly EventCatalogueResponse Response = Build();

    private static EventCatalogueResponse Build()
    {
        // Numbers are written as numbers, whatever a reader would also accept; every constructor parameter is always written.
        var schemaJson = new JsonSerializerOptions(DataJson)
        {
            NumberHandling = JsonNumberHandling.Strict,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Describe };
        return new EventCatalogueResponse("1.0", "/haven/institutions/{institutionId}", "cases/{caseId}", "application/json",
        [
            .. Types.Select(t => new EventTypeResponse(
                WebhookEventTypes.For(t.Contract),
                Urn(t.Contract),
                int.Parse(Urn(t.Contract).Split(":v")[^1], System.Globalization.CultureInfo.InvariantCulture),
                t.Data.GetCustomAttribute<DescriptionAttribute>()!.Description,
                schemaJson.GetJsonSchemaAsNode(t.Data, exporter)))
                .OrderBy(e => e.Type, StringComparer.Ordinal),
        ]);
    }

    private static string Urn(Type contract) =>
        contract.GetCustomAttribute<MassTransit.MessageUrnAttribute>()!.Urn.ToString().Replace("urn:message:", "", StringComparison.Ordinal);

    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        var description = (context.PropertyInfo?.AttributeProvider ?? context.TypeInfo.Type)
            .GetCustomAttributes(typeof(DescriptionAttribute), inherit: false).OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
        if (description is not null && schema is JsonObject node)
        {
            node.Insert(0, "description", description);
        }
        return schema;
    }
}
