using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Cases;

/// <summary>
/// A case's reporter answered the case managers through their case key (v1). The text is the reporter's own words: it
/// goes to the case's timeline, which only case staff read; notifications about it never carry it.
/// </summary>
[MessageUrn("haven:cases:reporter-replied:v1")]
public record ReporterReplied(Guid MessageId, Guid CaseId, Guid ReportId, string InstitutionId, string Text, DateTimeOffset RepliedAt)
    : IInstitutionMessage;
