using Haven.Contracts.Reports;
using Haven.Identity;
using Haven.Intake.CaseKeys;
using Haven.Intake.Data;
using Haven.Intake.Triage;
using Haven.Messaging.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Haven.Intake.Reports;

/// <summary>What the reporter is told once, at submission.</summary>
public sealed record Submission(Guid ReportId, Guid CaseId, bool Held, string? CaseKey, string? CaseSecret);

/// <summary>
/// Stores a validated report and decides what it becomes: a new case or a duplicate joining one, flagged or not,
/// held or released (with any held reports it corroborates). The report, its case key and the events commit together.
/// </summary>
public sealed class ReportIntake(IntakeDbContext db, TenantContext tenant, IPublishEndpoint publish, InstitutionDirectory directory, IntakeOptions options,
    TimeProvider time, ILogger<ReportIntake> logger)
{
    public async Task<Submission> SubmitAsync(ReportDraft draft, string? reporterUserId, CancellationToken cancellationToken)
    {
        // A report is filed with (and filtered by) the institution it names, whoever sends it.
        tenant.Use(draft.InstitutionId);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Or two copies of one URL could open two cases.
            await InstitutionLock.AcquireAsync(db, draft.InstitutionId, ct);

            var now = time.GetUtcNow();
            var subjectDigest = Digests.Subject(draft.InstitutionId, draft.SubjectEmail);
            var networkDigest = Digests.SubjectInNetwork(draft.SubjectEmail);

            var @case = await OpenCaseWithAnyOf(draft.Track, draft.ContentUrls, ct);
            if (@case is null)
            {
                @case = new IntakeCase
                {
                    Id = NewId.NextGuid(), InstitutionId = draft.InstitutionId, Track = draft.Track, OpenedAt = now, StatusChangedAt = now,
                };
                db.Cases.Add(@case);
            }

            var retaliation = draft.Track == Track.ConcerningConduct
                ? await RetaliationReason(draft.InstitutionId, subjectDigest, networkDigest, now, ct)
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
            await transaction.CommitAsync(ct);

            logger.LogInformation(
                "Report {ReportId} accepted into case {CaseId} of {InstitutionId}: severity {Severity}, held {Held}, released {Released}, possible retaliation {PossibleRetaliation}",
                report.Id, @case.Id, report.InstitutionId, report.Severity, report.PublishedAt is null, released.Count, report.PossibleRetaliation);
            return new Submission(report.Id, @case.Id, report.PublishedAt is null, key, secret);
        }, cancellationToken);
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

    private async Task<string?> RetaliationReason(string institutionId, string subjectDigest, string networkDigest, DateTimeOffset now,
        CancellationToken ct)
    {
        // Deliberately across the tenant filter, and only to answer yes or no: is this person being harassed anywhere in the network?
        var peers = directory.NetworkPeersOf(institutionId).ToList();
        var targetOfOpenCase = await db.Reports.AcrossInstitutions("retaliation check: is the subject a target anywhere in the network")
            .Where(r => r.Track == Track.Harassment && r.SubjectNetworkDigest == networkDigest && peers.Contains(r.InstitutionId))
            .Join(db.Cases.AcrossInstitutions("retaliation check: the target's case is open"), r => r.CaseId, c => c.Id, (r, c) => c)
            .AnyAsync(c => !IntakeCase.Closed.Contains(c.Status), ct);
        if (targetOfOpenCase)
        {
            return "The subject is the target of an open harassment case (track A) in the institution's network.";
        }

        var since = now - options.BurstWindow;
        var recent = await db.Reports.CountAsync(
            r => r.Track == Track.ConcerningConduct && r.SubjectDigest == subjectDigest && r.SubmittedAt >= since, ct);
        if (recent + 1 >= options.BurstThreshold)
        {
            return $"A burst of reports about the subject: {recent + 1} within {options.BurstWindow.TotalHours:0.#} h.";
        }
        return null;
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
            Salt = salt, SecretHash = hash, Iterations = CaseKeySecrets.Iterations, IssuedAt = now,
        });
        return (key, secret);
    }
}
