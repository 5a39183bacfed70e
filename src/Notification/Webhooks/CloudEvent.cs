using System.Text.Json;
using System.Text.Json.Serialization;

namespace Haven.Notification.Webhooks;

/// <summary>A CloudEvents 1.0 event in structured JSON mode (<c>application/cloudevents+json</c>).</summary>
public sealed record CloudEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("data")] object Data)
{
    public const string ContentType = "application/cloudevents+json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static CloudEvent Create(Guid id, string institutionId, string type, string? subject, DateTimeOffset time, object data) =>
        new("1.0", id.ToString(), $"/haven/institutions/{institutionId}", type, subject, time.ToUniversalTime(), "application/json", data);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
