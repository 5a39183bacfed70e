using Haven.Contracts.Notifications;

namespace Haven.Notification.Templates;

/// <summary>Haven's wording where an institution has none: calm, short, and pointing to the case rather than describing it.</summary>
public static class DefaultTemplates
{
    public static (string Subject, string Body) For(NotificationKind kind) => kind switch
    {
        NotificationKind.SafetyAlert => ("Urgent: a safety concern needs you now (case {{case_ref}})",
            "Hello {{recipient_name}},\n\nA case at {{institution}} has been marked critical for safety reasons and needs your attention now.\n\nOpen the case: {{link}}\n\nThe details are only in Haven; they are not included in this message."),
        NotificationKind.IndividualNotice => ("A private message from your institution (ref {{case_ref}})",
            "Hello {{recipient_name}},\n\nYour institution would like you to review some of your recent social-media content. This message is private and has not been shared with anyone else.\n\nPlease sign in to read it: {{link}}"),
        NotificationKind.ContentAuditRequest => ("Please review your social-media content (ref {{case_ref}})",
            "Hello {{recipient_name}},\n\nYou are asked to review your existing social-media content. The request and its due date are in Haven: {{link}}"),
        NotificationKind.StatusUpdate => ("Your report (ref {{case_ref}}) has an update",
            "Your report to {{institution}} is now: {{status}}.\n\nThank you for speaking up. Any message from the staff handling it is on your follow-up page, which opens with your case key: {{link}}"),
        _ => ("Haven: {{kind}} (case {{case_ref}}, {{severity}})",
            "Hello {{recipient_name}},\n\nThere is a {{kind}} at {{institution}} (severity: {{severity}}) that needs your attention.\n\nOpen the case: {{link}}\n\nThe details are only in Haven; they are not included in this message."),
    };
}
