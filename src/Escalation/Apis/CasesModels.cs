using System.ComponentModel.DataAnnotations;
using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Escalation.StateMachines;

namespace Haven.Escalation.Apis;

/// <summary>A case as listed: where it stands and how urgent it is, without its timeline.</summary>
/// <param name="Id">The case id, the same as the <c>caseId</c> of the report that opened it.</param>
/// <param name="Status">Where the case stands.</param>
/// <param name="Track">Harassment of a clinician (track A) or a clinician's concerning conduct (track B).</param>
/// <param name="Severity">Triage severity: it sets how long each level of the ladder has to acknowledge.</param>
/// <param name="Categories">The categories of the case's reports.</param>
/// <param name="PossibleRetaliation">True when the report may be retaliation against the reporter (e.g. part of a burst about the same
/// person): outside referrals then wait for a case manager, and the case does not climb past the institution.</param>
/// <param name="Overdue">True once every level and repeat of the escalation ladder passed without an acknowledgement.</param>
/// <param name="Level">The level of the escalation ladder told last, from 1.</param>
/// <param name="ReportCount">How many reports are in the case (reports about the same person join it; a withdrawal subtracts one).</param>
/// <param name="OpenedAt">When the case opened (UTC).</param>
/// <param name="UpdatedAt">When the case last changed: its last timeline entry (UTC).</param>
/// <param name="AcknowledgementDueAt">When the level told last had to, or has to, acknowledge by before the next is told (UTC);
/// null once the ladder ran out (overdue).</param>
public sealed record CaseSummary(Guid Id, CaseStatus Status, Track Track, Severity Severity, IReadOnlyList<ReportCategory> Categories,
    bool PossibleRetaliation, bool Overdue, int Level, int ReportCount, DateTime OpenedAt, DateTime UpdatedAt, DateTime? AcknowledgementDueAt);

/// <summary>A case with its pathways, steps and timeline. Never the report text or evidence (those are the intake's).</summary>
/// <param name="Summary">Where the case stands.</param>
/// <param name="Pathways">The routes the case takes, set when it opened; each is a step.</param>
/// <param name="RetaliationReason">Why the case is a possible retaliation; null when it is not.</param>
/// <param name="AcknowledgedBy">The user id of the case manager who acknowledged it; null until then.</param>
/// <param name="AcknowledgedAt">When it was acknowledged (UTC); null until then.</param>
/// <param name="ContentAuditOutcome">Track B: the outcome of the content audit as a case manager recorded it; null until then.</param>
/// <param name="Steps">Each pathway's step and where it stands.</param>
/// <param name="Timeline">What happened to the case, oldest first.</param>
public sealed record CaseResponse(CaseSummary Summary, IReadOnlyList<Pathway> Pathways, string? RetaliationReason,
    string? AcknowledgedBy, DateTime? AcknowledgedAt, string? ContentAuditOutcome, IReadOnlyList<CaseStep> Steps,
    IReadOnlyList<TimelineEntry> Timeline);

/// <summary>One page of the institution's cases, most severe and newest first.</summary>
/// <param name="Items">The cases of this page.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Cases per page (1 to 100).</param>
/// <param name="Total">How many cases match the filters, over all pages.</param>
public sealed record CaseListResponse(IReadOnlyList<CaseSummary> Items, int Page, int PageSize, int Total);

/// <summary>An internal note, read by the case's staff only (never by the reporter).</summary>
/// <param name="Text">The note, at most 4000 characters.</param>
public sealed record AddNoteRequest([property: MaxLength(CasesApi.MaxText)] string? Text);

/// <summary>An institution's escalation ladder: who is told at each level, and after how long by severity.</summary>
/// <param name="Levels">The levels, told in order: 1 to 10.</param>
/// <param name="Repeats">How many times the whole ladder is climbed again after its last level (0 to 10) before the case is overdue.</param>
public sealed record PolicyRequest([property: MaxLength(PolicyValidation.MaxLevels)] IReadOnlyList<PolicyLevel> Levels,
    [property: Range(0, PolicyValidation.MaxRepeats)] int Repeats);

/// <summary>An institution's escalation ladder, or the default one while it has none of its own.</summary>
/// <param name="Levels">The levels, told in order.</param>
/// <param name="Repeats">How many times the whole ladder is climbed again after its last level before the case is overdue.</param>
public sealed record PolicyResponse(IReadOnlyList<PolicyLevel> Levels, int Repeats);

/// <summary>
/// A level of the ladder: whom it tells, and how long they have to acknowledge, by the case's severity, before the next level is told.
/// Delays are durations written as <c>d.hh:mm:ss</c> (e.g. <c>"01:00:00"</c> for an hour), from 1 second to 30 days.
/// </summary>
/// <param name="Roles">The directory roles told at this level, e.g. <c>case-manager</c>: 1 to 10 lower-case names.</param>
/// <param name="Critical">How long a critical case waits for acknowledgement at this level.</param>
/// <param name="High">How long a high-severity case waits for acknowledgement at this level.</param>
/// <param name="Moderate">How long a moderate case waits for acknowledgement at this level.</param>
/// <param name="Low">How long a low-severity case waits for acknowledgement at this level.</param>
public sealed record PolicyLevel([property: MaxLength(PolicyValidation.MaxRolesPerLevel)] IReadOnlyList<string> Roles, TimeSpan Critical, TimeSpan High, TimeSpan Moderate, TimeSpan Low);

/// <summary>Track B: what the review of the individual's content found.</summary>
/// <param name="Outcome">The outcome in the case manager's words, at most 4000 characters.</param>
public sealed record ContentAuditRequest([property: MaxLength(CasesApi.MaxText)] string? Outcome);

/// <summary>Closing a case, as resolved or dismissed.</summary>
/// <param name="Note">Optional: why, at most 4000 characters; kept in the timeline.</param>
public sealed record CloseCaseRequest([property: MaxLength(CasesApi.MaxText)] string? Note);

/// <summary>A message to the case's reporters, which they read with their case key.</summary>
/// <param name="Text">The message, at most 4000 characters.</param>
public sealed record ReporterMessageRequest([property: MaxLength(CasesApi.MaxText)] string? Text);

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
