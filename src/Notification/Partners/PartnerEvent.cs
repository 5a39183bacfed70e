using System.Net.Mime;
using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Notification.Events;
using Haven.Notification.Webhooks;
using MassTransit;

namespace Haven.Notification.Partners;

/// <summary>
/// One of an institution's events as partner systems receive it, by webhook or over AMQP: a CloudEvents 1.0 event
/// built and encoded by the CloudEvents SDK in structured JSON mode (<c>application/cloudevents+json</c>). Its data
/// carries identifiers, categories and states only — never report text, evidence or who the subject is.
/// </summary>
public sealed record PartnerEvent(string InstitutionId, Guid CaseId, CloudEvent CloudEvent)
{
    public const string MediaType = "application/cloudevents+json";

    // The data is written as the event catalogue describes it, in the one JSON convention of Haven's API.
    private static readonly JsonEventFormatter Formatter = new(EventCatalogue.DataJson, new JsonDocumentOptions());

    public Guid Id => Guid.Parse(CloudEvent.Id!);

    public string Type => CloudEvent.Type!;

    public static PartnerEvent From(ConsumeContext<ReportSubmitted> context)
    {
        var m = context.Message;
        return Create<ReportSubmitted>(context, m.InstitutionId, m.CaseId, m.SubmittedAt, ReportSubmittedData.From(m));
    }

    public static PartnerEvent From(ConsumeContext<ReportWithdrawn> context)
    {
        var m = context.Message;
        return Create<ReportWithdrawn>(context, m.InstitutionId, m.CaseId, m.WithdrawnAt, ReportWithdrawnData.From(m));
    }

    public static PartnerEvent From(ConsumeContext<CaseStatusChanged> context)
    {
        var m = context.Message;
        return Create<CaseStatusChanged>(context, m.InstitutionId, m.CaseId, m.ChangedAt, CaseStatusChangedData.From(m));
    }

    public static PartnerEvent From(ConsumeContext<CaseEscalated> context)
    {
        var m = context.Message;
        return Create<CaseEscalated>(context, m.InstitutionId, m.CaseId, m.EscalatedAt, CaseEscalatedData.From(m));
    }

    public static PartnerEvent From(ConsumeContext<CaseOverdue> context)
    {
        var m = context.Message;
        return Create<CaseOverdue>(context, m.InstitutionId, m.CaseId, m.OverdueAt, CaseOverdueData.From(m));
    }

    public static PartnerEvent Create(Guid eventId, string institutionId, string type, Guid caseId, DateTimeOffset time, object data) =>
        new(institutionId, caseId, new CloudEvent
        {
            Id = eventId.ToString(),
            Source = new Uri($"/haven/institutions/{institutionId}", UriKind.Relative),
            Type = type,
            Subject = $"cases/{caseId}",
            Time = time.ToUniversalTime(),
            DataContentType = "application/json",
            Data = data,
        });

    /// <summary>The structured-mode body: the whole event as UTF-8 JSON.</summary>
    public string ToJson() => Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(CloudEvent, out _).Span);

    /// <summary>What a partner does with a body: the SDK's own parser, so that what is sent is known to parse.</summary>
    public static CloudEvent Parse(string json) =>
        Formatter.DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(json), new ContentType(MediaType), extensionAttributes: null);

    // The event id is the message id: the same on every attempt, replay and channel, so receivers can drop duplicates.
    private static PartnerEvent Create<T>(ConsumeContext<T> context, string institutionId, Guid caseId, DateTimeOffset time, object data)
        where T : class =>
        Create(context.MessageId ?? NewId.NextGuid(), institutionId, WebhookEventTypes.For<T>(), caseId, time, data);
}
