using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Notifications;

/// <summary>
/// A notice for a case's case-key inbox, rendered from the institution's trauma-safe template (v1). Intake keeps it
/// for the holders of the case's keys, who read it with their follow-up.
/// </summary>
/// <param name="DeliveryId">The notification service's delivery record for the case-key inbox channel.</param>
/// <param name="NotificationId">The <see cref="NotifyCaseKeyHolders.NotificationId"/>: intake keeps one notice per id.</param>
/// <param name="CaseId">The case whose key holders read it.</param>
/// <param name="InstitutionId">The case's institution.</param>
/// <param name="Title">The rendered subject line.</param>
/// <param name="Body">The rendered text: case reference and status only.</param>
/// <param name="CreatedAt">When it was rendered.</param>
[MessageUrn("haven:notifications:case-key-notice-rendered:v1")]
public record CaseKeyNoticeRendered(Guid DeliveryId, Guid NotificationId, Guid CaseId, string InstitutionId, string Title, string Body,
    DateTimeOffset CreatedAt) : IInstitutionMessage;
