using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Escalation.StateMachines;

namespace Haven.Escalation.Apis;

public sealed record CaseSummary(Guid Id, CaseStatus Status, Track Track, Severity Severity, IReadOnlyList<ReportCategory> Categories,
    bool PossibleRetaliation, bool Overdue, int Level, int ReportCount, DateTime OpenedAt, DateTime UpdatedAt, DateTime? AcknowledgementDueAt);

public sealed record CaseResponse(CaseSummary Summary, IReadOnlyList<Pathway> Pathways, string? RetaliationReason,
    string? AcknowledgedBy, DateTime? AcknowledgedAt, string? ContentAuditOutcome, IReadOnlyList<CaseStep> Steps,
    IReadOnlyList<TimelineEntry> Timeline);

public sealed record CaseListResponse(IReadOnlyList<CaseSummary> Items, int Page, int PageSize, int Total);

public sealed record AddNoteRequest(string? Text);

/// <summary>An institution's escalation ladder: who is told at each level, and after how long by severity.</summary>
public sealed record PolicyRequest(IReadOnlyList<PolicyLevel> Levels, int Repeats);

public sealed record PolicyResponse(IReadOnlyList<PolicyLevel> Levels, int Repeats);

public sealed record PolicyLevel(IReadOnlyList<string> Roles, TimeSpan Critical, TimeSpan High, TimeSpan Moderate, TimeSpan Low);

public sealed record ContentAuditRequest(string? Outcome);

public sealed record CloseCaseRequest(string? Note);

public sealed record ReporterMessageRequest(string? Text);

internal static class CaseMapping
{
    public static CaseStatus Status(this CaseState c) => Enum.Parse<CaseStatus>(c.CurrentState);

    public static CaseSummary ToSummary(this CaseState c) =>
        new(c.CorrelationId, c.Status(), c.Track, c.Severity, c.Categories, c.PossibleRetaliation, c.Overdue, c.Level,
            c.ReportCount, c.OpenedAt, c.UpdatedAt, c.AcknowledgementDueAt);

    public static CaseResponse ToDetail(this CaseState c) =>
        new(c.ToSummary(), c.Pathways, c.RetaliationReason, c.AcknowledgedBy, c.AcknowledgedAt, c.ContentAuditOutcome,
            c.Steps, c.Timeline);
}
