using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Cases;

/// <summary>
/// A case manager wrote to the case's reporter (v1); anonymous reporters read it through their case key.
/// The text is the case manager's own words, never report content. <paramref name="ActorId"/> (added within v1, absent
/// from older messages) is who wrote it, for the case's timeline.
/// </summary>
[MessageUrn("haven:cases:reporter-message-posted:v1")]
public record ReporterMessagePosted(Guid MessageId, Guid CaseId, string InstitutionId, string Text, DateTimeOffset PostedAt,
    string? ActorId = null) : IInstitutionMessage;
