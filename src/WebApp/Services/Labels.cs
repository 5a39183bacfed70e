using Haven.Contracts.Cases;
using Haven.Contracts.Reports;

namespace Haven.WebApp.Services;

/// <summary>Plain words for the APIs' names, in one place so every page says the same thing.</summary>
public static class Labels
{
    public static string Of(ReportCategory category) => category switch
    {
        ReportCategory.PersonalAttack => "Personal attacks or abuse",
        ReportCategory.SexualHarassment => "Sexual harassment",
        ReportCategory.Doxxing => "Sharing private details (doxxing)",
        ReportCategory.ThreatOfViolence => "Threats of violence",
        ReportCategory.Impersonation => "Impersonation",
        ReportCategory.CoordinatedCampaign => "A coordinated campaign",
        ReportCategory.ComplaintAsHarassment => "Complaints to an employer or board used to harass",
        ReportCategory.HarassmentOther => "Something else",
        ReportCategory.HealthMisinformation => "Health misinformation",
        ReportCategory.DiscriminatoryContent => "Discriminatory content",
        ReportCategory.SexuallyExplicitContent => "Sexually explicit content",
        ReportCategory.PatientPrivacyBreach => "A patient's privacy",
        ReportCategory.HarassmentOfOthers => "Harassing others",
        ReportCategory.IllegalActivity => "Illegal activity",
        ReportCategory.ConductOther => "Something else",
        _ => category.ToString(),
    };

    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Received => "Received",
        CaseStatus.Triaged => "Received and sorted",
        CaseStatus.AwaitingAcknowledgement => "Waiting for the case manager",
        CaseStatus.Acknowledged => "A case manager has taken it",
        CaseStatus.InReview => "Being reviewed",
        CaseStatus.Resolved => "Resolved",
        CaseStatus.Dismissed => "Closed without action",
        CaseStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static string Of(Track track) => track switch
    {
        Track.Harassment => "A · Harassment",
        Track.ConcerningConduct => "B · Concerning posts",
        _ => track.ToString(),
    };

    /// <summary>What happened to a case, as its timeline names it.</summary>
    public static string Timeline(string kind) => kind switch
    {
        "opened" => "Opened",
        "safety-path" => "Sent down the safety path",
        "report-joined" => "Another report joined the case",
        "report-withdrawn" => "A report was withdrawn",
        "flagged" => "Flagged",
        "escalated" => "Escalated",
        "overdue" => "Overdue: nobody acknowledged it",
        "acknowledged" => "Acknowledged",
        "review-started" => "Review started",
        "note" => "Note",
        "message-to-reporter" => "Message to the reporter",
        "reporter-replied" => "The reporter replied",
        "content-audit-recorded" => "Content audit recorded",
        "resolution-reminder" => "Reminder: resolution due",
        "resolved" => "Resolved",
        "dismissed" => "Dismissed",
        _ => kind,
    };

    public static IEnumerable<ReportCategory> CategoriesOf(Track track) =>
        Enum.GetValues<ReportCategory>().Where(c => (int)c / 100 == (int)track);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Time(DateTime at) => Time(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)));

    public static string Institution(string id) => id.Length == 0 ? id : char.ToUpperInvariant(id[0]) + id[1..];
}
