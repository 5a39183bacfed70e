namespace Haven.Audit.Data;

/// <summary>A platform event (not tenant data): a service instance starting, with its version.</summary>
public sealed class PlatformEvent
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public required string Type { get; set; }
    public required string Service { get; set; }
    public required string InstanceId { get; set; }
    public required string Version { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
