using Haven.Contracts.Reports;
using Haven.WebApp.Services;

namespace Haven.WebApp.Components.Pages.Report;

/// <summary>The report form as typed, kept as text so that a page with errors shows back exactly what was entered.</summary>
public sealed class ReportForm
{
    public string Institution { get; set; } = "";
    public HashSet<ReportCategory> Categories { get; set; } = [];
    public string Context { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Platform { get; set; } = "";
    public string ContentUrls { get; set; } = "";
    public string EvidenceText { get; set; } = "";
    public string EvidenceHandle { get; set; } = "";
    public string EvidenceSeenOn { get; set; } = "";
    public string EvidenceUrl { get; set; } = "";
    public string Description { get; set; } = "";
    public string SubjectName { get; set; } = "";
    public string SubjectEmail { get; set; } = "";
    public string SubjectDepartment { get; set; } = "";
    public string Disclosure { get; set; } = "Anonymous";
    public string ReporterName { get; set; } = "";
    public string ReporterEmail { get; set; } = "";
    public bool TargetConsents { get; set; }
    public bool PeerSupportWanted { get; set; }

    public static ReportForm Read(IFormCollection form) => new()
    {
        Institution = form["institution"].ToString(),
        Categories = [.. form["categories"].Select(c => Enum.TryParse<ReportCategory>(c, out var v) ? v : (ReportCategory?)null).OfType<ReportCategory>()],
        Context = form["context"].ToString(),
        Topic = form["topic"].ToString(),
        Platform = form["platform"].ToString(),
        ContentUrls = form["contentUrls"].ToString(),
        EvidenceText = form["evidenceText"].ToString(),
        EvidenceHandle = form["evidenceHandle"].ToString(),
        EvidenceSeenOn = form["evidenceSeenOn"].ToString(),
        EvidenceUrl = form["evidenceUrl"].ToString(),
        Description = form["description"].ToString(),
        SubjectName = form["subjectName"].ToString(),
        SubjectEmail = form["subjectEmail"].ToString(),
        SubjectDepartment = form["subjectDepartment"].ToString(),
        Disclosure = form["disclosure"].ToString(),
        ReporterName = form["reporterName"].ToString(),
        ReporterEmail = form["reporterEmail"].ToString(),
        TargetConsents = form["targetConsents"] == "true",
        PeerSupportWanted = form["peerSupportWanted"] == "true",
    };

    /// <summary>The API's request; the API validates it (field errors come back keyed by the request's JSON paths).</summary>
    public SubmitReport ToRequest(Track track, DateTimeOffset now)
    {
        var evidence = EvidenceText.Trim().Length == 0 ? [] : new List<EvidenceRequest>
        {
            new(EvidenceText, Blank(EvidenceHandle), SeenAt(now), Blank(EvidenceUrl)),
        };
        return new SubmitReport(track, Institution, [.. Categories], new ReportContextRequest(Context, Blank(Topic)), Platform,
            [.. ContentUrls.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], evidence, Description,
            new SubjectRequest(SubjectName, SubjectEmail, Blank(SubjectDepartment)), Disclosure,
            Disclosure == "Named" ? new ReporterRequest(ReporterName, ReporterEmail) : null,
            track == Track.Harassment ? TargetConsents : null,
            track == Track.Harassment ? PeerSupportWanted : null);
    }

    // A day, not a moment: the reporter's clock and time zone are unknown here. Today means now, never the future.
    private DateTimeOffset? SeenAt(DateTimeOffset now) =>
        DateOnly.TryParse(EvidenceSeenOn, System.Globalization.CultureInfo.InvariantCulture, out var day)
            ? (day >= DateOnly.FromDateTime(now.UtcDateTime) ? now : new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero))
            : null;

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
