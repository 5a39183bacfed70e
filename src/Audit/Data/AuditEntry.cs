using Haven.Messaging.Tenancy;
namespace Haven.Audit.Data;

/// <summary>
/// One link of an institution's hash chain. Written once, never updated or deleted (a trigger refuses both), so that
/// any change made behind the service's back breaks <see cref="Hash"/> at this entry or the link to the next.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public required string InstitutionId { get; set; }
    /// <summary>1, 2, 3, ... within the institution's chain, without gaps.</summary>
    public long Sequence { get; set; }
    public required string PreviousHash { get; set; }
    /// <summary>The message id of the event: a redelivered event finds itself already logged.</summary>
    public Guid EventId { get; set; }
    /// <summary>The event's message URN, e.g. <c>haven:cases:case-status-changed:v1</c>.</summary>
    public required string Type { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>Who did it (a user id), or null when Haven did.</summary>
    public string? Actor { get; set; }
    /// <summary>What it is about, e.g. <c>case:{id}</c>.</summary>
    public string? SubjectRef { get; set; }
    /// <summary>Kept apart from <see cref="SubjectRef"/> so that queries by case use an index.</summary>
    public Guid? CaseId { get; set; }
    /// <summary>The event as received (canonical JSON); its SHA-256 is <see cref="PayloadDigest"/>.</summary>
    public required string Payload { get; set; }
    public required string PayloadDigest { get; set; }
    /// <summary>SHA-256 of the entry's fields; a receipt can prove a chain passes through an entry without showing it.</summary>
    public required string ContentDigest { get; set; }
    /// <summary>SHA-256 of <see cref="PreviousHash"/> and <see cref="ContentDigest"/>.</summary>
    public required string Hash { get; set; }
}
