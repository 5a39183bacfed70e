using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Identity;
using Haven.Intake.CaseKeys;
using Haven.Intake.Data;
using Haven.Intake.Triage;
using Haven.Messaging.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Haven.Intake.Reports;

/// <summary>What the reporter is told once, at submission.</summary>
public sealed record Submission(Guid ReportId, Guid CaseId, bool Held, string? CaseKey, string? CaseSecret);

/// <summary>
/// Stores a validated report and decides what it becomes: a new case, a duplicate joining one, or a report of a campaign
/// joining its case; flagged or not, held or released (with any held reports it corroborates). The report, its case key
/// and the events commit together.
/// </summary>
public sealed class ReportIntake(IntakeDbContext db, TenantContext tenant, IPublishEndpoint publish, InstitutionDirectory directory, IntakeOptions options,
    TimeProvider time, ILogger<ReportIntake> logger)
{
    public async Task<Submission> SubmitAsync(ReportDraft draft, string? reporterUserId, CancellationToken cancellationToken)
    {
        // A report is filed with (and filtered by) the institution it names, whoever sends it.
        tenant.Use(draft.InstitutionId);
        var strategy = db.Database.CreateExecutionStrategy();
        Submission? committing = null;
        return await strategy.ExecuteAsync(draft, async (_, _, ct) =>
        {
            // A retried attempt starts afresh: what the failed one added is still tracked, and would be saved beside this one's
            // report as a second report and case that nobody was told of.
            db.ChangeTracker.Clear();
            committing = null;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var subjectDigest = Digests.Subject(draft.InstitutionId, draft.SubjectEmail);
            var networkDigest = Digests.SubjectInNetwork(draft.SubjectEmail);
            await ReportLocks.AcquireAsync(db, draft.InstitutionId, subjectDigest, draft.ContentUrls, ct);

            var now = time.GetUtcNow();
            // A pile-on: further reports about the person join one flagged campaign case, and the reports (and cases) that
            // came before it was recognised are flagged now.
            var burst = draft.Track == Track.ConcerningConduct ? await BurstReason(subjectDigest, now, ct) : null;
            var @case = burst is null ? null : await CampaignCase(subjectDigest, now, ct);
            if (burst is not null)
            {
                await FlagEarlierReports(subjectDigest, burst, now, ct);
            }

            @case ??= await OpenCaseWithAnyOf(draft.Track, draft.ContentUrls, ct);
            if (@case is null)
            {
                @case = new IntakeCase
                {
                    Id = NewId.NextGuid(), InstitutionId = draft.InstitutionId, Track = draft.Track, OpenedAt = now, StatusChangedAt = now,
                };
                db.Cases.Add(@case);
            }

            var retaliation = draft.Track == Track.ConcerningConduct
                ? await TargetElsewhereReason(draft.InstitutionId, networkDigest, ct) ?? burst
                : null;

            // "GoTogether": a held report waits for a second report naming the same subject, then both go out.
            // A withdrawn report neither corroborates nor is released.
            var corroborated = await db.Reports.AnyAsync(r => r.SubjectDigest == subjectDigest && r.WithdrawnAt == null, ct);
            var released = corroborated
                ? await db.Reports.Where(r => r.SubjectDigest == subjectDigest && r.PublishedAt == null && r.WithdrawnAt == null)
                    .OrderBy(r => r.SubmittedAt).ToListAsync(ct)
                : [];

            var report = NewReport(draft, reporterUserId, @case.Id, subjectDigest, networkDigest, retaliation, now);
            db.Reports.Add(report);

            var toPublish = released.ToList();
            if (draft.Disclosure != Disclosure.HeldUntilCorroborated || corroborated)
            {
                toPublish.Add(report);
            }
            await Publish(toPublish, @case, now, ct);

            string? key = null, secret = null;
            if (report.ReporterUserId is null)
            {
                (key, secret) = IssueCaseKey(report, now);
            }

            await db.SaveChangesAsync(ct);
            committing = new Submission(report.Id, @case.Id, report.PublishedAt is null, key, secret);
            await transaction.CommitAsync(ct);

            logger.LogInformation(
                "Report {ReportId} accepted into case {CaseId} of {InstitutionId}: severity {Severity}, held {Held}, released {Released}, possible retaliation {PossibleRetaliation}",
                report.Id, @case.Id, report.InstitutionId, report.Severity, report.PublishedAt is null, released.Count, report.PossibleRetaliation);
            return committing;
        }, async (_, _, ct) =>
            // The connection broke while committing: if the commit landed, the report is stored, and the answer is the one prepared.
            new ExecutionResult<Submission>(committing is { } sent && await db.Reports.AnyAsync(r => r.Id == sent.ReportId, ct), committing!),
            cancellationToken);
    }

    // The same content (normalized URL) of the same track, in a case that is not closed, is one case.
    private Task<IntakeCase?> OpenCaseWithAnyOf(Track track, IReadOnlyList<string> urls, CancellationToken ct) =>
        urls.Count == 0
            ? Task.FromResult<IntakeCase?>(null)
            : db.Cases
                .Where(c => c.Track == track && !IntakeCase.Closed.Contains(c.Status)
                    && db.ReportUrls.Any(u => u.CaseId == c.Id && urls.Contains(u.Url)))
                .OrderBy(c => c.OpenedAt)
                .FirstOrDefaultAsync(ct);

    /// <summary>Is this person the target of an open harassment case (track A) anywhere in the institution's network?</summary>
    private async Task<string?> TargetElsewhereReason(string institutionId, string networkDigest, CancellationToken ct)
    {
        // Deliberately across the tenant filter, and only to answer yes or no.
        var peers = directory.NetworkPeersOf(institutionId).ToList();
        var targetOfOpenCase = await db.Reports.AcrossInstitutions("retaliation check: is the subject a target anywhere in the network")
            .Where(r => r.Track == Track.Harassment && r.SubjectNetworkDigest == networkDigest && peers.Contains(r.InstitutionId))
            .Join(db.Cases.AcrossInstitutions("retaliation check: the target's case is open"), r => r.CaseId, c => c.Id, (r, c) => c)
            .AnyAsync(c => !IntakeCase.Closed.Contains(c.Status), ct);
        return targetOfOpenCase ? "The subject is the target of an open harassment case (track A) in the institution's network." : null;
    }

    private IQueryable<Report> RecentAbout(string subjectDigest, DateTimeOffset now)
    {
        var since = now - options.BurstWindow;
        return db.Reports.Where(r => r.Track == Track.ConcerningConduct && r.SubjectDigest == subjectDigest && r.SubmittedAt >= since);
    }

    /// <summary>Counting this one, the threshold's worth of track-B reports about the subject within the window is a pile-on.</summary>
    private async Task<string?> BurstReason(string subjectDigest, DateTimeOffset now, CancellationToken ct)
    {
        // Counted no further than the threshold: a campaign of thousands costs each submission no more than a few.
        var recent = await RecentAbout(subjectDigest, now).Take(options.BurstThreshold).CountAsync(ct);
        return recent + 1 >= options.BurstThreshold
            ? $"A burst of reports about the subject: {options.BurstThreshold} or more within {options.BurstWindow.TotalHours:0.#} h."
            : null;
    }

    /// <summary>The campaign about the subject: the open case of their earliest report within the window.</summary>
    private Task<IntakeCase?> CampaignCase(string subjectDigest, DateTimeOffset now, CancellationToken ct) =>
        RecentAbout(subjectDigest, now)
            .Where(r => r.WithdrawnAt == null)
            .Join(db.Cases.Where(c => !IntakeCase.Closed.Contains(c.Status)), r => r.CaseId, c => c.Id, (r, c) => new { r.SubmittedAt, Case = c })
            .OrderBy(x => x.SubmittedAt)
            .Select(x => x.Case)
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The reports that came before the burst was recognised were taken as single reports: flag them, and have the open
    /// cases they opened flagged too (held for review, never escalated past the institution). Once recognised, every
    /// report about the subject is flagged as it arrives, so the unflagged ones are among the earliest few of the window.
    /// </summary>
    private async Task FlagEarlierReports(string subjectDigest, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var earlier = await RecentAbout(subjectDigest, now)
            .OrderBy(r => r.SubmittedAt)
            .Take(options.BurstThreshold)
            .Where(r => !r.PossibleRetaliation)
            .ToListAsync(ct);
        foreach (var report in earlier)
        {
            report.PossibleRetaliation = true;
            report.RetaliationReason = reason;
        }
        // A case the escalation service does not know yet (held reports) hears of the flag with the reports' release.
        var caseIds = earlier.Where(r => r.PublishedAt is not null).Select(r => r.CaseId).Distinct().ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id) && !IntakeCase.Closed.Contains(c.Status)).Select(c => c.Id).ToListAsync(ct);
        foreach (var caseId in cases)
        {
            await publish.Publish(new CaseFlagged(caseId, earlier[0].InstitutionId, reason, now), ct);
        }
    }

    private Report NewReport(ReportDraft draft, string? reporterUserId, Guid caseId, string subjectDigest, string networkDigest,
        string? retaliation, DateTimeOffset now)
    {
        var reportId = NewId.NextGuid();
        return new Report
        {
            Id = reportId,
            CaseId = caseId,
            InstitutionId = draft.InstitutionId,
            NetworkId = directory.NetworkOf(draft.InstitutionId),
            Track = draft.Track,
            Categories = [.. draft.Categories],
            Context = draft.Context,
            AdvocacyTopic = draft.AdvocacyTopic,
            Platform = draft.Platform,
            Description = draft.Description,
            SubjectName = draft.SubjectName,
            SubjectDepartment = draft.SubjectDepartment,
            SubjectDigest = subjectDigest,
            SubjectNetworkDigest = networkDigest,
            Disclosure = draft.Disclosure,
            // An anonymous reporter is not linked to their account, even when they were signed in.
            ReporterUserId = draft.Disclosure == Disclosure.Anonymous ? null : reporterUserId,
            ReporterName = draft.ReporterName,
            ReporterEmail = draft.ReporterEmail,
            Severity = TriageRules.SeverityOf(draft.Categories),
            Pathways = [.. TriageRules.PathwaysOf(draft.Track, draft.Categories, draft.TargetConsentsToInstitution, draft.PeerSupportWanted)],
            PossibleRetaliation = retaliation is not null,
            RetaliationReason = retaliation,
            TargetConsentsToInstitution = draft.TargetConsentsToInstitution,
            PeerSupportWanted = draft.PeerSupportWanted,
            SubmittedAt = now,
            Urls = [.. draft.ContentUrls.Select(url => new ReportUrl { ReportId = reportId, CaseId = caseId, InstitutionId = draft.InstitutionId, Url = url })],
            Evidence = [.. draft.Evidence.Select(e => new EvidenceItem
            {
                ReportId = reportId,
                InstitutionId = draft.InstitutionId,
                Url = e.Url,
                Handle = e.Handle,
                Text = e.Text,
                TextSha256 = Digests.Sha256(e.Text),
                SeenAt = e.SeenAt,
            })],
        };
    }

    // Oldest first, so that a case is opened by its first report and joined by the others.
    private async Task Publish(List<Report> reports, IntakeCase current, DateTimeOffset now, CancellationToken ct)
    {
        var caseIds = reports.Select(r => r.CaseId).Where(id => id != current.Id).Distinct().ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        cases[current.Id] = current;
        foreach (var report in reports)
        {
            var @case = cases[report.CaseId];
            var opensCase = !@case.Published;
            @case.Published = true;
            report.PublishedAt = now;
            await publish.Publish(new ReportSubmitted(report.Id, report.CaseId, opensCase, report.InstitutionId, report.NetworkId,
                report.Track, report.Categories, report.Severity, report.Pathways, report.SubjectDigest, report.PossibleRetaliation,
                report.RetaliationReason, report.TargetConsentsToInstitution, report.PeerSupportWanted, report.SubmittedAt), ct);
        }
    }

    private (string Key, string Secret) IssueCaseKey(Report report, DateTimeOffset now)
    {
        var key = CaseKeySecrets.NewKey();
        var secret = CaseKeySecrets.NewSecret();
        var (salt, hash) = CaseKeySecrets.Hash(secret);
        db.CaseKeys.Add(new CaseKeyCredential
        {
            Key = key, ReportId = report.Id, CaseId = report.CaseId, InstitutionId = report.InstitutionId,
            Salt = salt, SecretHash = hash, Iterations = CaseKeySecrets.Unstretched, IssuedAt = now,
        });
        return (key, secret);
    }
}
