using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Notifications;

/// <summary>
/// A delivery of a notification changed state (v1), so that the outcome flows back to the case. One notification
/// has one delivery per recipient and channel. Names no person and carries no content: only opaque references.
/// </summary>
/// <param name="DeliveryId">The delivery (one recipient, one channel).</param>
/// <param name="NotificationId">The <see cref="NotifyRecipients.NotificationId"/> it belongs to.</param>
/// <param name="CaseId">The case the notification links to.</param>
/// <param name="InstitutionId">The institution.</param>
/// <param name="Channel">Email, inbox or webhook.</param>
/// <param name="RecipientRef">An opaque reference: the directory entry's id, or the webhook subscription's id.</param>
/// <param name="State">The new state.</param>
/// <param name="Attempt">How many attempts were made so far.</param>
/// <param name="Reason">Why it failed or is held (never personal data).</param>
/// <param name="ChangedAt">When.</param>
[MessageUrn("haven:notifications:notification-delivery-changed:v1")]
public record NotificationDeliveryChanged(
    Guid DeliveryId,
    Guid NotificationId,
    Guid CaseId,
    string InstitutionId,
    NotificationChannel Channel,
    string RecipientRef,
    DeliveryState State,
    int Attempt,
    string? Reason,
    DateTimeOffset ChangedAt) : IInstitutionMessage;
