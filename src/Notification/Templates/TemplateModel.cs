using Haven.Contracts.Cases;
using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;

namespace Haven.Notification.Templates;

/// <summary>
/// Everything a template can ever show. Trauma-safe by construction: there is no field for report text or evidence,
/// and the command that triggers a notification carries none, so no template can put them in front of anyone.
/// </summary>
/// <param name="Status">The case's new status, for a status update.</param>
public sealed record TemplateModel(Guid CaseId, NotificationKind Kind, Severity Severity, string Link, string RecipientName,
    string InstitutionId, CaseStatus? Status = null);
