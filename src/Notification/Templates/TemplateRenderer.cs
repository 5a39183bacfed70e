using System.Text.RegularExpressions;
using Haven.Contracts.Cases;
using Haven.Contracts.Notifications;

namespace Haven.Notification.Templates;

public sealed record RenderedNotification(string Subject, string Body);

public static partial class TemplateRenderer
{
    /// <summary>The only placeholders a template may use.</summary>
    public static readonly IReadOnlyDictionary<string, Func<TemplateModel, string>> Placeholders =
        new Dictionary<string, Func<TemplateModel, string>>
        {
            ["case_id"] = m => m.CaseId.ToString(),
            ["case_ref"] = m => CaseRef.Of(m.CaseId),
            ["kind"] = m => Describe(m.Kind),
            ["severity"] = m => m.Severity.ToString().ToLowerInvariant(),
            ["link"] = m => m.Link,
            ["recipient_name"] = m => m.RecipientName,
            ["institution"] = m => m.InstitutionId,
            ["status"] = m => m.Status is { } status ? Describe(status) : "",
        };

    public static RenderedNotification Render(string subject, string body, TemplateModel model) =>
        new(Fill(subject, model), Fill(body, model));

    /// <summary>Names of placeholders in <paramref name="text"/> that are not in <see cref="Placeholders"/>.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(name => !Placeholders.ContainsKey(name)).Distinct()];

    private static string Fill(string text, TemplateModel model) =>
        Placeholder().Replace(text, m => Placeholders.TryGetValue(m.Groups[1].Value, out var value) ? value(model) : "");

    private static string Describe(NotificationKind kind) => kind switch
    {
        NotificationKind.CaseAssigned => "new case",
        NotificationKind.IndividualNotice => "private notice",
        NotificationKind.Escalation => "escalated case",
        NotificationKind.SafetyAlert => "safety alert",
        NotificationKind.Overdue => "overdue case",
        NotificationKind.ContentAuditRequest => "content review request",
        NotificationKind.Reminder => "reminder",
        NotificationKind.StatusUpdate => "status update",
        NotificationKind.ReporterReplied => "reply from a reporter",
        _ => "notification",
    };

    private static string Describe(CaseStatus status) => status switch
    {
        CaseStatus.AwaitingAcknowledgement => "with the responsible staff",
        CaseStatus.InReview => "in review",
        _ => status.ToString().ToLowerInvariant(),
    };

    // Any name between double braces, so a misspelt one ({{Link}}, {{case-ref}}) is refused rather than sent as it is.
    [GeneratedRegex(@"\{\{\s*([^{}\s]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
