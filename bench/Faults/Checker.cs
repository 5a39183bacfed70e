using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Haven.Faults;

/// <summary>One fault's line of the table, and what made its figures (the first problems found, for the reader).</summary>
/// <param name="Lost">Accepted reports with at least one expected effect missing.</param>
/// <param name="Duplicated">Effects found more often than once (or found where none was due).</param>
/// <param name="Late">Acknowledgement deadlines that fired, but later than <see cref="Checker.LateAfter"/> after they were due.</param>
public sealed record FaultRow(string Fault, int Accepted, int Lost, int Duplicated, int Late, IReadOnlyList<string> Problems)
{
    public const string Header = "| fault | accepted | lost | duplicated effects | late |";

    public override string ToString() => $"| {Fault} | {Accepted} | {Lost} | {Duplicated} | {Late} |";

    public static string Table(IEnumerable<FaultRow> rows) => string.Join('\n', [Header, "|---|---:|---:|---:|---:|", .. rows.Select(r => r.ToString())]);
}

/// <summary>
/// Reconciles every accepted report with what Haven did about it, read through the platform's own APIs (as a case manager and as an
/// auditor of the report's institution, never from a database):
/// <list type="bullet">
/// <item>the report is in exactly one case (the case the intake answered with, counting it once);</item>
/// <item>the audit log holds the report's <c>ReportSubmitted</c> once, and the case's opening statuses once each;</item>
/// <item>each notification the case's rules call for exists once (one notification id), reaching each recipient in the directory
/// once, and each of those deliveries is in the audit log once: the case-assigned notice; the content-audit request for track B;
/// the status update in the case-key inbox of an anonymous reporter;</item>
/// <item>at the short-ladder institution, every due deadline fired once: one escalation to level 2, then one overdue, each with its
/// notice and its audit entry, and each counted late when it fired more than <see cref="LateAfter"/> after it was due.</item>
/// </list>
/// It waits until the last deadline is due, then until nothing is missing or <paramref name="settle"/> has passed.
/// </summary>
public sealed class Checker(FaultStack stack)
{
    public static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(5);
    private const int MaxProblems = 12;

    private static readonly (string Kind, Func<IGrouping<Guid, AcceptedReport>, bool> Due, string Channel)[] Notices =
    [
        ("CaseAssigned", _ => true, "Inbox"),
        ("ContentAuditRequest", c => c.First().Track == "ConcerningConduct", "Inbox"),
        ("StatusUpdate", c => c.Any(r => r.HasCaseKey), "CaseKeyInbox"),
        ("Escalation", ShortLadder, "Inbox"),
        ("Overdue", ShortLadder, "Inbox"),
    ];

    public async Task<FaultRow> CheckAsync(string fault, IReadOnlyList<AcceptedReport> reports, DateTimeOffset since, TimeSpan settle,
        CancellationToken cancellationToken)
    {
        if (reports.Count > 0)
        {
            // The last report's deadlines: its escalation, then its overdue one deadline later.
            var lastDue = reports.Max(r => r.AcceptedAt) + 2 * stack.Options.Deadline + LateAfter;
            if (lastDue - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }
        // A report is lost only when its missing effects stop arriving: while the count of incomplete reports still falls,
        // the platform is working through a backlog (slow, reported by the time it took), so the wait starts again.
        var giveUp = DateTimeOffset.UtcNow + settle;
        var fewestLost = int.MaxValue;
        while (true)
        {
            try
            {
                var row = await ReconcileAsync(fault, reports, since, cancellationToken);
                if (row.Lost < fewestLost)
                {
                    (fewestLost, giveUp) = (row.Lost, DateTimeOffset.UtcNow + settle);
                }
                if (row.Lost == 0 || DateTimeOffset.UtcNow > giveUp)
                {
                    return row;
                }
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException && DateTimeOffset.UtcNow < giveUp)
            {
                // A read that failed observed nothing (the gateway answers 503 for a service its probes found slow): read again.
            }
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        }
    }

    private async Task<FaultRow> ReconcileAsync(string fault, IReadOnlyList<AcceptedReport> reports, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        var audit = new Dictionary<Guid, List<AuditEntry>>();
        foreach (var institution in reports.Select(r => r.Institution).Distinct())
        {
            foreach (var entry in await AuditAsync(institution, since, cancellationToken))
            {
                if (entry.CaseId is { } caseId)
                {
                    (audit.TryGetValue(caseId, out var list) ? list : audit[caseId] = []).Add(entry);
                }
            }
        }
        var cases = new ConcurrentDictionary<Guid, (JsonElement? Case, List<Delivery> Deliveries)>();
        await Parallel.ForEachAsync(reports.DistinctBy(r => r.CaseId), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (report, ct) => cases[report.CaseId] = (await CaseAsync(report, ct), await DeliveriesAsync(report, ct)));

        var tally = new Tally();
        foreach (var @case in reports.GroupBy(r => r.CaseId))
        {
            var (detail, deliveries) = cases[@case.Key];
            ReconcileCase(@case, detail, deliveries, audit.GetValueOrDefault(@case.Key) ?? [], tally);
        }
        return new FaultRow(fault, reports.Count, tally.LostReports.Count, tally.Duplicated, tally.Late, tally.Problems);
    }

    private void ReconcileCase(IGrouping<Guid, AcceptedReport> @case, JsonElement? detail, List<Delivery> deliveries, List<AuditEntry> audit,
        Tally tally)
    {
        var caseId = @case.Key;
        void Expect(string effect, int expected, int actual) => tally.Expect(@case, effect, expected, actual);
        int Count(string type, Func<JsonElement, bool>? where = null) =>
            audit.Count(e => e.Type.Contains(type, StringComparison.Ordinal) && (where?.Invoke(e.Payload) ?? true));

        Expect("case", 1, detail is null ? 0 : 1);
        if (detail is { } found)
        {
            Expect("reports counted in the case", @case.Count(), found.GetProperty("summary").GetProperty("reportCount").GetInt32());
        }
        foreach (var report in @case)
        {
            Expect("audit: report submitted", 1, Count("report-submitted", p => p.GetProperty("reportId").GetGuid() == report.ReportId));
        }
        foreach (var status in new[] { "Triaged", "AwaitingAcknowledgement" })
        {
            Expect($"audit: status {status}", 1, Count("case-status-changed", p => p.GetProperty("status").GetString() == status));
        }

        foreach (var (kind, due, channel) in Notices)
        {
            var notifications = deliveries.Where(d => d.Kind == kind).GroupBy(d => d.NotificationId).ToList();
            Expect($"{kind} notification", due(@case) ? 1 : 0, notifications.Count);
            foreach (var notification in notifications)
            {
                // One person per role in the directory: each notification reaches one person (or the case-key inbox) once.
                Expect($"{kind} delivery", 1, notification.Count(d => d.Channel == channel));
            }
        }
        foreach (var delivery in deliveries.Where(d => Notices.Any(n => n.Kind == d.Kind)))
        {
            Expect($"audit: {delivery.Kind} delivery {delivery.State}", 1, Count("notification-delivery-changed",
                p => p.GetProperty("deliveryId").GetGuid() == delivery.Id && p.GetProperty("state").GetString() == delivery.State));
        }

        var escalations = audit.Where(e => e.Type.Contains("case-escalated", StringComparison.Ordinal)).ToList();
        var overdue = audit.Where(e => e.Type.Contains("case-overdue", StringComparison.Ordinal)).ToList();
        if (!ShortLadder(@case))
        {
            Expect("deadline fired", 0, escalations.Count + overdue.Count);
            return;
        }
        Expect("deadline: escalated to level 2", 1, escalations.Count(e => e.Payload.GetProperty("level").GetInt32() == 2));
        Expect("deadline: escalated elsewhere", 0, escalations.Count(e => e.Payload.GetProperty("level").GetInt32() != 2));
        Expect("deadline: overdue", 1, overdue.Count);
        if (overdue.Count == 0 && detail is { } pending)
        {
            // Where the saga stands tells a deadline never scheduled (none due) from one scheduled and never delivered (due long ago).
            var summary = pending.GetProperty("summary");
            tally.Note($"case {caseId}: the case is at level {summary.GetProperty("level")}, overdue {summary.GetProperty("overdue")}, " +
                $"its next deadline due {summary.GetProperty("acknowledgementDueAt")}");
        }
        if (detail is { } opened && escalations.Count > 0)
        {
            var escalatedAt = escalations.Min(e => e.Payload.GetProperty("escalatedAt").GetDateTimeOffset());
            var openedAt = new DateTimeOffset(DateTime.SpecifyKind(opened.GetProperty("summary").GetProperty("openedAt").GetDateTime(), DateTimeKind.Utc));
            tally.Deadline(@case, "escalation", escalatedAt - (openedAt + stack.Options.Deadline));
            if (overdue.Count > 0)
            {
                tally.Deadline(@case, "overdue", overdue.Min(e => e.Payload.GetProperty("overdueAt").GetDateTimeOffset()) - (escalatedAt + stack.Options.Deadline));
            }
        }
    }

    private static bool ShortLadder(IGrouping<Guid, AcceptedReport> @case) => @case.First().Institution == FaultStack.ShortLadderInstitution;

    private async Task<JsonElement?> CaseAsync(AcceptedReport report, CancellationToken cancellationToken)
    {
        using var client = stack.Client(report.Institution, "case-manager");
        using var response = await client.GetAsync($"/api/cases/{report.CaseId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await FaultStack.EnsureSuccessAsync(response, $"reading case {report.CaseId}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    private async Task<List<Delivery>> DeliveriesAsync(AcceptedReport report, CancellationToken cancellationToken)
    {
        using var client = stack.Client(report.Institution, "case-manager");
        return (await client.GetFromJsonAsync<List<Delivery>>($"/api/notifications/deliveries?caseId={report.CaseId}", JsonSerializerOptions.Web,
            cancellationToken))!;
    }

    /// <summary>The institution's chain since the fault's load began (by the events' own times), as the audit export streams it.</summary>
    private async Task<List<AuditEntry>> AuditAsync(string institution, DateTimeOffset since, CancellationToken cancellationToken)
    {
        using var client = stack.Client(institution, "auditor");
        var from = Uri.EscapeDataString(since.AddMinutes(-1).ToString("O"));
        using var response = await client.GetAsync($"/api/audit/export?from={from}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await FaultStack.EnsureSuccessAsync(response, $"reading {institution}'s audit log", cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var entries = new List<AuditEntry>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var payload = JsonDocument.Parse(json.RootElement.GetProperty("payload").GetString()!).RootElement.Clone();
            Guid? caseId = payload.TryGetProperty("caseId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetGuid() : null;
            entries.Add(new AuditEntry(json.RootElement.GetProperty("type").GetString()!, caseId, payload));
        }
        return entries;
    }

    private sealed record AuditEntry(string Type, Guid? CaseId, JsonElement Payload);

    private sealed record Delivery(Guid Id, Guid NotificationId, string Kind, string Channel, string State);

    private sealed class Tally
    {
        public HashSet<Guid> LostReports { get; } = [];
        public int Duplicated { get; private set; }
        public int Late { get; private set; }
        public List<string> Problems { get; } = [];

        public void Expect(IGrouping<Guid, AcceptedReport> @case, string effect, int expected, int actual)
        {
            if (actual < expected)
            {
                LostReports.UnionWith(@case.Select(r => r.ReportId));
            }
            Duplicated += Math.Max(0, actual - expected);
            if (actual != expected)
            {
                Note($"case {@case.Key} ({@case.First().Institution}, {@case.First().Track}): {effect} ×{actual}, expected ×{expected}");
            }
        }

        public void Deadline(IGrouping<Guid, AcceptedReport> @case, string deadline, TimeSpan lateBy)
        {
            if (lateBy > LateAfter)
            {
                Late++;
                Note($"case {@case.Key}: {deadline} fired {lateBy.TotalSeconds:F1} s after it was due");
            }
        }

        public void Note(string problem)
        {
            if (Problems.Count < MaxProblems)
            {
                Problems.Add(problem);
            }
        }
    }
}
