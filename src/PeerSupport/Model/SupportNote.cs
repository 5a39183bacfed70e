namespace Haven.PeerSupport.Model;

/// <summary>
/// A supporter's private note or check-in record. Readable by its author only: the confidentiality wall keeps
/// it from case managers, network leads and every event.
/// </summary>
public sealed class SupportNote
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public Guid SupporterId { get; set; }
    public bool IsCheckIn { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
}
