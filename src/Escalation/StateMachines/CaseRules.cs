using Haven.Contracts.Notifications;
using Haven.Contracts.Reports;
using Haven.Escalation.Policies;
using MassTransit;

namespace Haven.Escalation.StateMachines;

/// <summary>The rules of DOMAIN.md that decide who is told what, kept apart from the saga's plumbing so they read (and test) plainly.</summary>
public static class CaseRules
{
    public static readonly TimeSpan ContentAuditPeriod = TimeSpan.FromDays(14);
    public static readonly TimeSpan ResolutionPeriod = TimeSpan.FromDays(14);

    public static bool TakesSafetyPath(CaseState c) => c.Track == Track.Harassment && c.Severity == Severity.Critical;

    /// <summary>Fills a new case from its first report and the institution's current policy.</summary>
    public static void Open(CaseState c, ReportSubmitted report, EscalationPolicy policy, DateTime now)
    {
        c.InstitutionId = report.InstitutionId;
        c.NetworkId = report.NetworkId;
        c.Track = report.Track;
        c.Severity = report.Severity;
        c.Categories = [.. report.Categories];
        c.Pathways = [.. report.Pathways];
        c.SubjectDigest = report.SubjectDigest;
        c.PossibleRetaliation = report.PossibleRetaliation;
        c.RetaliationReason = report.RetaliationReason;
        c.PeerSupportWanted = report.PeerSupportWanted;
        c.ReportCount = 1;
        c.OpenedAt = now;
        c.UpdatedAt = now;
        c.Levels = policy.Levels;
        c.Repeats = policy.Repeats;
        c.Level = 1;
        c.Round = 1;
        c.AcknowledgementDueAt = now + c.Levels[0].DelayFor(c.Severity);
        c.Steps = [.. InitialSteps(c, now)];
    }

    /// <summary>
    /// A burst about the subject was recognised after the case opened: from now on it is a possible retaliation, its outside
    /// steps not yet taken wait for a case manager, and it never climbs past the institution. False when it already was.
    /// </summary>
    public static bool Flag(CaseState c, string reason)
    {
        if (c.PossibleRetaliation)
        {
            return false;
        }
        c.PossibleRetaliation = true;
        c.RetaliationReason = reason;
        foreach (var step in c.Steps.Where(s => s.Status == "open" && IsExternal(s.Name)))
        {
            step.Status = "held-for-review";
        }
        return true;
    }

    private static bool IsExternal(string step) =>
        step is "platform" or "law-enforcement" or "federal-authorities" or "individual-notice";

    /// <summary>
    /// Every pathway is a tracked step. A possible retaliation stays inside the institution: no outside
    /// referral and no notice to the individual until a case manager has looked at it.
    /// </summary>
    private static IEnumerable<CaseStep> InitialSteps(CaseState c, DateTime now)
    {
        foreach (var pathway in c.Pathways)
        {
            var name = StepName(pathway);
            yield return new CaseStep
            {
                Name = name,
                Status = c.PossibleRetaliation && IsExternal(name) ? "held-for-review" : "open",
                OpenedAt = now,
            };
        }
        if (c.Track == Track.ConcerningConduct && !c.PossibleRetaliation)
        {
            yield return new CaseStep { Name = "content-audit", Status = "requested", OpenedAt = now, DueAt = now + ContentAuditPeriod };
        }
    }

    /// <summary>Who is told when the case opens: the private notice first, the safety path for threats and doxxing.</summary>
    public static IEnumerable<NotifyRecipients> OpeningNotices(CaseState c, DateTime now)
    {
        if (TakesSafetyPath(c))
        {
            yield return Notice(c, NotificationKind.SafetyAlert, [DefaultPolicy.Security, DefaultPolicy.Leadership], now);
        }
        yield return Notice(c, NotificationKind.CaseAssigned, c.Levels[0].Roles, now);
        if (c.Track == Track.ConcerningConduct && !c.PossibleRetaliation && c.Pathways.Contains(Pathway.IndividualNotice))
        {
            yield return Notice(c, NotificationKind.IndividualNotice, [], now, toSubject: true);
            yield return Notice(c, NotificationKind.ContentAuditRequest, c.Levels[0].Roles, now, toSubject: true);
        }
    }

    /// <summary>Nobody acknowledged in time: the next level, the next pass through the ladder, or overdue (null).</summary>
    public static (int Level, int Round)? NextLevel(CaseState c) =>
        c.Level < c.Levels.Count ? (c.Level + 1, c.Round)
        : c.Round <= c.Repeats ? (1, c.Round + 1)
        : null;

    /// <summary>
    /// Overdue goes to the network lead; a possible retaliation never leaves the institution automatically,
    /// so its overdue notice goes to the institution's leadership instead.
    /// </summary>
    public static IReadOnlyList<string> OverdueRoles(CaseState c) =>
        c.PossibleRetaliation || c.NetworkId is null ? [DefaultPolicy.Leadership] : [DefaultPolicy.NetworkLead];

    public static NotifyRecipients Notice(CaseState c, NotificationKind kind, IReadOnlyList<string> roles, DateTime now,
        bool toSubject = false) =>
        new(NewId.NextGuid(), c.CorrelationId, c.InstitutionId, kind, c.Severity, roles, toSubject, c.SubjectDigest,
            new DateTimeOffset(now, TimeSpan.Zero));

    public static string StepName(Pathway pathway) => pathway switch
    {
        Pathway.Institution => "institution",
        Pathway.IndividualNotice => "individual-notice",
        Pathway.Platform => "platform",
        Pathway.LawEnforcement => "law-enforcement",
        Pathway.FederalAuthorities => "federal-authorities",
        Pathway.PeerSupport => "peer-support",
        _ => pathway.ToString().ToLowerInvariant(),
    };
}
