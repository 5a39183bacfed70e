using Haven.Messaging.Tenancy;
namespace Haven.Intake.Data;

/// <summary>
/// A notification in the case-key inbox of a case's anonymous reporters. The notification service renders it from the
/// institution's trauma-safe template; intake keeps it because only intake can check a case key.
/// </summary>
public sealed class CaseKeyNotice : ITenantOwned
{
    /// <summary>The notification's id: a redelivery lands once.</summary>
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string InstitutionId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
