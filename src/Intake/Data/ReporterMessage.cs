using Haven.Messaging.Tenancy;
namespace Haven.Intake.Data;

/// <summary>A case manager's message to the case's reporters, read through the case key.</summary>
public sealed class ReporterMessage : ITenantOwned
{
    /// <summary>The message id of <see cref="Contracts.Cases.ReporterMessagePosted"/>: a redelivery lands once.</summary>
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string InstitutionId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset PostedAt { get; set; }
}
