using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Haven.Contracts.Cases;
using Haven.Contracts.Notifications;
using Haven.Contracts.PeerSupport;
using Haven.Contracts.Reports;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// The case saga on the real stack. Reports enter as the intake service publishes them (ReportSubmitted on the
/// broker); case managers act through the gateway. Short-deadline policies are set on northfield only, so the
/// other tests keep the default ladder.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class When_a_report_becomes_a_case(PlatformFixture platform)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task A_critical_track_A_report_takes_the_safety_path_within_seconds()
    {
        var report = Report("mercy", Track.Harassment, [ReportCategory.ThreatOfViolence], Severity.Critical,
            [Pathway.Institution, Pathway.LawEnforcement, Pathway.PeerSupport]);

        await platform.Broker.PublishAsync(report);

        var alert = (await platform.Broker.WaitFor<NotifyRecipients>(n => n.CaseId == report.CaseId && n.Kind == NotificationKind.SafetyAlert,
            timeout: TimeSpan.FromSeconds(30)))[0];
        Assert.Equal(["security", "leadership"], alert.Roles);
        var support = (await platform.Broker.WaitFor<RequestPeerSupport>(r => r.CaseId == report.CaseId))[0];
        Assert.True(support.Urgent);
        var detail = await CaseAsync("mercy", report.CaseId);
        Assert.Contains(detail.Steps, s => s.Name == "law-enforcement" && s.Status == "open");
        Assert.Contains(detail.Timeline, t => t.Kind == "safety-path");
    }

    [Fact]
    public async Task A_moderate_track_B_case_gets_its_private_notice_climbs_to_level_two_and_is_acknowledged_once()
    {
        await SetShortPolicyAsync(levels: 3, repeats: 0, delay: TimeSpan.FromSeconds(2));
        var report = Report("northfield", Track.ConcerningConduct, [ReportCategory.HealthMisinformation], Severity.Moderate,
            [Pathway.Institution, Pathway.IndividualNotice, Pathway.Platform]);

        await platform.Broker.PublishAsync(report);

        var notices = await platform.Broker.WaitFor<NotifyRecipients>(n => n.CaseId == report.CaseId && n.Kind is NotificationKind.IndividualNotice or NotificationKind.CaseAssigned, count: 2);
        Assert.Contains(notices, n => n.Kind == NotificationKind.IndividualNotice && n.ToSubject && n.Roles.Count == 0);
        Assert.Contains(notices, n => n.Kind == NotificationKind.CaseAssigned && n.Roles.SequenceEqual(["case-manager"]));
        var escalated = (await platform.Broker.WaitFor<CaseEscalated>(e => e.CaseId == report.CaseId, timeout: TimeSpan.FromSeconds(30)))[0];
        Assert.Equal(2, escalated.Level);
        Assert.Equal(["program-director"], escalated.Roles);

        using var caseManager = platform.App.CreateHttpClient("gateway", "northfield", "cm-north", "case-manager");
        using var acknowledged = await caseManager.PostAsync($"/api/cases/{report.CaseId}/acknowledge", null);
        Assert.Equal(HttpStatusCode.Accepted, acknowledged.StatusCode);
        await platform.Broker.WaitFor<CaseStatusChanged>(s => s.CaseId == report.CaseId && s.Status == CaseStatus.Acknowledged);

        // A second acknowledgement is refused (that the climb stops, and that late deadlines and repeated actions change
        // nothing, is shown on the saga itself with a fake clock in Escalation.Tests).
        using var again = await caseManager.PostAsync($"/api/cases/{report.CaseId}/acknowledge", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal("cm-north", (await CaseAsync("northfield", report.CaseId)).AcknowledgedBy);
    }

    [Fact]
    public async Task A_possible_retaliation_stays_inside_the_institution()
    {
        await SetShortPolicyAsync(levels: 1, repeats: 0, delay: TimeSpan.FromSeconds(1));
        var report = Report("northfield", Track.ConcerningConduct, [ReportCategory.DiscriminatoryContent], Severity.Moderate,
            [Pathway.Institution, Pathway.IndividualNotice, Pathway.Platform], possibleRetaliation: true);

        await platform.Broker.PublishAsync(report);

        var overdue = (await platform.Broker.WaitFor<CaseOverdue>(o => o.CaseId == report.CaseId, timeout: TimeSpan.FromSeconds(30)))[0];
        Assert.Null(overdue.NetworkId);
        var notices = platform.Broker.Received<NotifyRecipients>(n => n.CaseId == report.CaseId);
        Assert.DoesNotContain(notices, n => n.ToSubject);
        Assert.DoesNotContain(notices, n => n.Roles.Contains("network-lead"));
        Assert.Contains(notices, n => n.Kind == NotificationKind.Overdue && n.Roles.SequenceEqual(["leadership"]));
        var detail = await CaseAsync("northfield", report.CaseId);
        Assert.All(detail.Steps.Where(s => s.Name is "platform" or "individual-notice"), s => Assert.Equal("held-for-review", s.Status));
    }

    [Fact]
    public async Task Restarting_the_escalation_service_mid_case_loses_nothing_and_its_deadline_still_fires()
    {
        await SetShortPolicyAsync(levels: 2, repeats: 0, delay: TimeSpan.FromSeconds(3));
        var report = Report("northfield", Track.ConcerningConduct, [ReportCategory.HarassmentOfOthers], Severity.Moderate, [Pathway.Institution]);
        await platform.Broker.PublishAsync(report);
        await platform.Broker.WaitFor<NotifyRecipients>(n => n.CaseId == report.CaseId && n.Kind == NotificationKind.CaseAssigned);

        await platform.App.StopResourceAsync("escalation");
        await Task.Delay(TimeSpan.FromSeconds(4));
        await platform.App.StartResourceAsync("escalation");

        var escalated = (await platform.Broker.WaitFor<CaseEscalated>(e => e.CaseId == report.CaseId, timeout: TimeSpan.FromSeconds(30)))[0];
        Assert.Equal(2, escalated.Level);
    }

    [Fact]
    public async Task A_duplicate_report_joins_the_open_case()
    {
        var first = Report("mercy", Track.ConcerningConduct, [ReportCategory.HealthMisinformation], Severity.Moderate, [Pathway.Institution]);
        await platform.Broker.PublishAsync(first);
        await platform.Broker.WaitFor<CaseStatusChanged>(s => s.CaseId == first.CaseId && s.Status == CaseStatus.AwaitingAcknowledgement);

        await platform.Broker.PublishAsync(first with { ReportId = Guid.NewGuid(), OpensCase = false });

        var detail = await Eventually.Returns(() => CaseAsync("mercy", first.CaseId), c => c.Summary.ReportCount == 2, "the second report to join");
        Assert.Contains(detail.Timeline, t => t.Kind == "report-joined");
    }

    [Fact]
    public async Task Institution_B_never_sees_institution_A_cases()
    {
        var report = Report("mercy", Track.Harassment, [ReportCategory.PersonalAttack], Severity.Moderate, [Pathway.Institution]);
        await platform.Broker.PublishAsync(report);
        await CaseAsync("mercy", report.CaseId);
        using var lakeside = platform.App.CreateHttpClient("gateway", "lakeside", "cm-lake", "case-manager");

        using var direct = await lakeside.GetAsync($"/api/cases/{report.CaseId}");
        using var acknowledge = await lakeside.PostAsync($"/api/cases/{report.CaseId}/acknowledge", null);
        var list = await lakeside.GetFromJsonAsync<CasePage>("/api/cases?pageSize=100", Json);

        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, acknowledge.StatusCode);
        Assert.DoesNotContain(list!.Items, c => c.Id == report.CaseId);
    }

    [Fact]
    public async Task A_reporter_cannot_read_cases_and_an_invalid_policy_is_refused_with_field_errors()
    {
        using var reporter = platform.App.CreateHttpClient("gateway", "mercy", "rita", "reporter");
        using var admin = platform.App.CreateHttpClient("gateway", "mercy", "admin-1", "institution-admin");

        using var forbidden = await reporter.GetAsync("/api/cases");
        using var invalid = await admin.PutAsJsonAsync("/api/cases/policy", new
        {
            levels = new[] { new { roles = Array.Empty<string>(), critical = "00:00:00", high = "01:00:00", moderate = "01:00:00", low = "01:00:00" } },
            repeats = 99,
        });
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("levels[0].roles", out _));
        Assert.True(errors.TryGetProperty("levels[0].critical", out _));
        Assert.True(errors.TryGetProperty("repeats", out _));
    }

    private async Task SetShortPolicyAsync(int levels, int repeats, TimeSpan delay)
    {
        string[][] roles = [["case-manager"], ["program-director"], ["leadership"]];
        using var admin = platform.App.CreateHttpClient("gateway", "northfield", "admin-north", "institution-admin");
        using var response = await admin.PutAsJsonAsync("/api/cases/policy", new
        {
            levels = roles.Take(levels).Select(r => new { roles = r, critical = delay, high = delay, moderate = delay, low = delay }),
            repeats,
        });
        response.EnsureSuccessStatusCode();
    }

    private async Task<CaseView> CaseAsync(string institution, Guid caseId)
    {
        using var caseManager = platform.App.CreateHttpClient("gateway", institution, $"cm-{institution}", "case-manager");
        return await Eventually.Returns(async () =>
        {
            using var response = await caseManager.GetAsync($"/api/cases/{caseId}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<CaseView>(Json) : null;
        }, c => c is not null, $"case {caseId} to be readable") ?? throw new InvalidOperationException();
    }

    private static ReportSubmitted Report(string institution, Track track, ReportCategory[] categories, Severity severity,
        Pathway[] pathways, bool possibleRetaliation = false) =>
        new(Guid.NewGuid(), Guid.NewGuid(), OpensCase: true, institution,
            institution == "northfield" ? "prairie-network" : "lakeshore-coalition", track, categories, severity, pathways,
            SubjectDigest: Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), possibleRetaliation,
            possibleRetaliation ? "the subject is the target of an open track-A case" : null,
            TargetConsentsToInstitution: true, PeerSupportWanted: pathways.Contains(Pathway.PeerSupport), DateTimeOffset.UtcNow);

    private sealed record CaseSummaryView(Guid Id, CaseStatus Status, int ReportCount);
    private sealed record StepView(string Name, string Status);
    private sealed record TimelineView(string Kind, string? Actor, string? Detail);
    private sealed record CaseView(CaseSummaryView Summary, string? AcknowledgedBy, IReadOnlyList<StepView> Steps, IReadOnlyList<TimelineView> Timeline);
    private sealed record CasePage(IReadOnlyList<CaseSummaryView> Items, int Total);
}
