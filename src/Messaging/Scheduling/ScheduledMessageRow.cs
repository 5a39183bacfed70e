using Haven.Messaging.Outbox;

namespace Haven.Messaging.Scheduling;

/// <summary>
/// A message to send at <see cref="DueTime"/>. Rows stay after they are sent or cancelled (until the inbox window
/// passes) so that a late or repeated <c>ScheduleMessage</c> for the same token cannot bring them back.
/// </summary>
public sealed class ScheduledMessageRow : StoredMessage
{
    public Guid TokenId { get; set; }
    public DateTime DueTime { get; set; }
    public DateTime? Sent { get; set; }
    public DateTime? Cancelled { get; set; }
}
