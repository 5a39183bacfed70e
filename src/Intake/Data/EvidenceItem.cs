using Haven.Messaging.Tenancy;
namespace Haven.Intake.Data;

/// <summary>What the reporter saw, captured privately (never reposted), with a SHA-256 of the text as seen.</summary>
public sealed class EvidenceItem : ITenantOwned
{
    public long Id { get; set; }
    public Guid ReportId { get; set; }
    public required string InstitutionId { get; set; }
    public string? Url { get; set; }
    public string? Handle { get; set; }
    public required string Text { get; set; }
    public required string TextSha256 { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
