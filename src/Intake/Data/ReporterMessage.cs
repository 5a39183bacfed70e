using Haven.Messaging.Tenancy;
namespace Haven.Intake.Data;

/// <summary>
/// One message of the conversation read through the case key: a case manager's to the case's reporters, or a reporter's
/// reply (which the case's staff read in its timeline).
/// </summary>
public sealed class ReporterMessage : ITenantOwned
{
    /// <summary>The message id of <see cref="Contracts.Cases.ReporterMessagePosted"/> (a redelivery lands once) or of <see cref="Contracts.Cases.ReporterReplied"/>.</summary>
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string InstitutionId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset PostedAt { get; set; }
    /// <summary>
    /// The reporter's own reply, shown back to the one who holds the case key. Every reporter of the case reads the case
    /// manager's messages, but a reply only through the key it was sent with: another reporter's words are not theirs to read.
    /// </summary>
    public Guid? FromReportId { get; set; }
}
