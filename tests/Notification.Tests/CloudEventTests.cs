using System.Text.Json;
using CloudNative.CloudEvents;
using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Notification.Partners;
using Haven.Notification.Webhooks;

namespace Haven.Notification.Tests;

public sealed class When_an_event_is_sent_to_partners
{
    private static readonly Guid EventId = Guid.Parse("6f1c2a4e-0b5e-4c4f-9d0e-2b0e5a7c9d11");
    private static readonly Guid CaseId = Guid.Parse("2b0e5a7c-9d11-4f3a-8c2e-6f1c2a4e0b5e");
    private static readonly DateTimeOffset EscalatedAt = new(2026, 11, 22, 23, 4, 5, 123, TimeSpan.FromHours(2));

    [Fact]
    public void The_body_carries_every_required_cloudevents_attribute()
    {
        var json = Parse(Escalated().ToJson());

        Assert.Equal("1.0", json.GetProperty("specversion").GetString());
        Assert.Equal(EventId, json.GetProperty("id").GetGuid());
        Assert.Equal("/haven/institutions/mercy", json.GetProperty("source").GetString());
        Assert.Equal("haven.cases.case-escalated.v1", json.GetProperty("type").GetString());
        Assert.Equal($"cases/{CaseId}", json.GetProperty("subject").GetString());
        Assert.Equal("application/json", json.GetProperty("datacontenttype").GetString());
        Assert.Equal(EscalatedAt, json.GetProperty("time").GetDateTimeOffset());
    }

    [Fact]
    public void The_body_parses_back_with_the_cloudevents_sdk_as_a_partner_would()
    {
        var parsed = PartnerEvent.Parse(Escalated().ToJson());

        Assert.Equal(CloudEventsSpecVersion.V1_0, parsed.SpecVersion);
        Assert.Equal(EventId.ToString(), parsed.Id);
        Assert.Equal("haven.cases.case-escalated.v1", parsed.Type);
        Assert.Equal(EscalatedAt, parsed.Time);
        Assert.Equal(2, ((JsonElement)parsed.Data!).GetProperty("level").GetInt32());
    }

    [Fact]
    public void Attribute_names_are_lower_case_letters_and_digits_as_the_specification_requires()
    {
        Assert.All(Parse(Escalated().ToJson()).EnumerateObject(), attribute => Assert.Matches("^[a-z0-9]+$", attribute.Name));
    }

    [Fact]
    public void The_time_is_sent_in_utc_whatever_offset_the_event_had()
    {
        var time = Parse(Escalated().ToJson()).GetProperty("time").GetDateTimeOffset();

        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(EscalatedAt.UtcDateTime, time.UtcDateTime);
    }

    [Fact]
    public void Data_is_the_event_s_own_fields_in_camel_case_with_enums_by_name_as_the_API_writes_them()
    {
        var data = Parse(PartnerEvent.Create(EventId, "mercy", "haven.reports.report-submitted.v1", CaseId, EscalatedAt,
            new { CaseId, Track = Track.ConcerningConduct, Severity = Severity.Critical, Categories = new[] { ReportCategory.ThreatOfViolence } })
            .ToJson()).GetProperty("data");

        Assert.Equal(CaseId, data.GetProperty("caseId").GetGuid());
        Assert.Equal("ConcerningConduct", data.GetProperty("track").GetString());
        Assert.Equal("Critical", data.GetProperty("severity").GetString());
        Assert.Equal("ThreatOfViolence", data.GetProperty("categories")[0].GetString());
    }

    [Fact]
    public void Event_types_are_the_contracts_message_urns_with_dots()
    {
        Assert.Equal("haven.cases.case-escalated.v1", WebhookEventTypes.For<CaseEscalated>());
        Assert.Equal("haven.reports.report-submitted.v1", WebhookEventTypes.For<ReportSubmitted>());
        Assert.All(WebhookEventTypes.All, type => Assert.Matches(@"^haven\.[a-z-]+\.[a-z-]+\.v\d+$", type));
        Assert.Equal(5, WebhookEventTypes.All.Count);
    }

    private static PartnerEvent Escalated() =>
        PartnerEvent.Create(EventId, "mercy", "haven.cases.case-escalated.v1", CaseId, EscalatedAt, new { CaseId, Level = 2 });

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
