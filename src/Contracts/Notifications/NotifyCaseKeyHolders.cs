using Haven.Contracts.Tenancy;
using Haven.Contracts.Cases;
using MassTransit;

namespace Haven.Contracts.Notifications;

/// <summary>
/// Tell the anonymous reporters of a case, in their case-key inbox, that their case moved (v1). Sent by intake, which
/// alone knows whether a case has case-key holders; carries the status only, never report text.
/// </summary>
/// <param name="NotificationId">Idempotency key: one notice per id.</param>
/// <param name="CaseId">The case.</param>
/// <param name="InstitutionId">Its institution, whose templates render the notice.</param>
/// <param name="Status">The case's new status.</param>
/// <param name="RequestedAt">When the status changed.</param>
[MessageUrn("haven:notifications:notify-case-key-holders:v1")]
public record NotifyCaseKeyHolders(Guid NotificationId, Guid CaseId, string InstitutionId, CaseStatus Status, DateTimeOffset RequestedAt) : IInstitutionMessage;
