using Haven.Contracts.Tenancy;
using Haven.Contracts.Reports;
using MassTransit;

namespace Haven.Contracts.Notifications;

/// <summary>
/// Tell people about a case (v1). Addressed by role (resolved in the institution's directory) and/or to the
/// case's subject; it carries a case reference and a kind, never report text or evidence (trauma-safe).
/// </summary>
/// <param name="NotificationId">Idempotency key: one delivery per id.</param>
/// <param name="CaseId">The case the notification links to.</param>
/// <param name="InstitutionId">The institution whose directory resolves the roles.</param>
/// <param name="Kind">The template.</param>
/// <param name="Severity">The case's severity; critical bypasses quiet hours.</param>
/// <param name="Roles">Roles to resolve to people of the institution.</param>
/// <param name="ToSubject">Also (or only) the case's subject, found by <paramref name="SubjectDigest"/>.</param>
/// <param name="SubjectDigest">The case's subject: never resolved through a role (conflict of interest).</param>
/// <param name="RequestedAt">When it was requested.</param>
[MessageUrn("haven:notifications:notify-recipients:v1")]
public record NotifyRecipients(
    Guid NotificationId,
    Guid CaseId,
    string InstitutionId,
    NotificationKind Kind,
    Severity Severity,
    IReadOnlyList<string> Roles,
    bool ToSubject,
    string? SubjectDigest,
    DateTimeOffset RequestedAt) : IInstitutionMessage;
