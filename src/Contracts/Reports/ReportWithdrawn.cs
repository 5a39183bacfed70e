using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Reports;

/// <summary>The reporter withdrew their report (v1); a case with no other report is closed as withdrawn.</summary>
[MessageUrn("haven:reports:report-withdrawn:v1")]
public record ReportWithdrawn(Guid ReportId, Guid CaseId, string InstitutionId, DateTimeOffset WithdrawnAt) : IInstitutionMessage;
