using System.ComponentModel;
using Haven.Contracts.Cases;
using Haven.Contracts.Reports;

namespace Haven.Notification.Events;

// The data of each event partners receive (webhooks, AMQP): what the event catalogue describes, field for field. Identifiers,
// categories, severities and states only, never report text, evidence or who a case is about; a contract's other fields
// (the subject's digest, the network, retaliation reasons) stay inside Haven.

[Description("A report was accepted and triaged. It opens a case, or joins the open case about the same content.")]
public sealed record ReportSubmittedData(
    [property: Description("The report.")] Guid ReportId,
    [property: Description("The case it opens or joins.")] Guid CaseId,
    [property: Description("False when the report joined an open case about the same content.")] bool OpensCase,
    [property: Description("Harassment of a clinician (track A) or concerning conduct by one (track B).")] Track Track,
    [property: Description("What the report is about.")] IReadOnlyList<ReportCategory> Categories,
    [property: Description("Triage severity.")] Severity Severity,
    [property: Description("The routes the case takes.")] IReadOnlyList<Pathway> Pathways,
    [property: Description("Flagged as a possible weaponized complaint or pile-on: external referrals wait for review.")] bool PossibleRetaliation,
    [property: Description("When the report was accepted.")] DateTimeOffset SubmittedAt)
{
    public static ReportSubmittedData From(ReportSubmitted m) =>
        new(m.ReportId, m.CaseId, m.OpensCase, m.Track, m.Categories, m.Severity, m.Pathways, m.PossibleRetaliation, m.SubmittedAt);
}

[Description("The reporter withdrew their report; a case with no other report is closed as withdrawn.")]
public sealed record ReportWithdrawnData(
    [property: Description("The report.")] Guid ReportId,
    [property: Description("Its case.")] Guid CaseId,
    [property: Description("When it was withdrawn.")] DateTimeOffset WithdrawnAt)
{
    public static ReportWithdrawnData From(ReportWithdrawn m) => new(m.ReportId, m.CaseId, m.WithdrawnAt);
}

[Description("A case moved to another status.")]
public sealed record CaseStatusChangedData(
    [property: Description("The case.")] Guid CaseId,
    [property: Description("The new status.")] CaseStatus Status,
    [property: Description("When.")] DateTimeOffset ChangedAt)
{
    public static CaseStatusChangedData From(CaseStatusChanged m) => new(m.CaseId, m.Status, m.ChangedAt);
}

[Description("Nobody acknowledged in time, so the next level of the institution's escalation policy was told.")]
public sealed record CaseEscalatedData(
    [property: Description("The case.")] Guid CaseId,
    [property: Description("The level now told, from 1.")] int Level,
    [property: Description("Which pass through the policy (it repeats before the case is overdue), from 1.")] int Round,
    [property: Description("The roles of that level.")] IReadOnlyList<string> Roles,
    [property: Description("When.")] DateTimeOffset EscalatedAt)
{
    public static CaseEscalatedData From(CaseEscalated m) => new(m.CaseId, m.Level, m.Round, m.Roles, m.EscalatedAt);
}

[Description("Every level and every repeat passed without acknowledgement; the network lead is told.")]
public sealed record CaseOverdueData(
    [property: Description("The case.")] Guid CaseId,
    [property: Description("When.")] DateTimeOffset OverdueAt)
{
    public static CaseOverdueData From(CaseOverdue m) => new(m.CaseId, m.OverdueAt);
}
