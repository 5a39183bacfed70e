using Haven.Messaging.Tenancy;
namespace Haven.Intake.Data;

/// <summary>A normalized content URL of a report; duplicates of it (same institution, open case) join the case.</summary>
public sealed class ReportUrl : ITenantOwned
{
    public long Id { get; set; }
    public Guid ReportId { get; set; }
    public Guid CaseId { get; set; }
    public required string InstitutionId { get; set; }
    public required string Url { get; set; }
}
