using System.Diagnostics;
using Haven.Audit.Benchmarks;
using Aspire.Hosting;
using Haven.Messaging.Benchmarks;
using Haven.Testing;

namespace Haven.Benchmarks;

/// <summary>One line of the table: a goal of issue 12, what was measured against it and, where the goal is a ratio, its baseline.</summary>
public sealed record Row(string Goal, string Measure, string Target, string Measured, string Baseline = "", string Ratio = "", bool? Met = null);

/// <summary>How big each scenario is: the issue's sizes, or a few minutes' worth for a quick look.</summary>
public sealed record Sizes(int SustainedRate, TimeSpan SustainedFor, int Burst, TimeSpan BurstWithin, int Messages, int AuditEntries,
    TimeSpan GatewayFor)
{
    public static readonly Sizes Full = new(100, TimeSpan.FromSeconds(60), 10_000, TimeSpan.FromSeconds(60), 2_000, 2_000, TimeSpan.FromSeconds(20));
    public static readonly Sizes Quick = new(30, TimeSpan.FromSeconds(15), 600, TimeSpan.FromSeconds(10), 500, 500, TimeSpan.FromSeconds(5));
}

public static class Scenarios
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(120);
    private static readonly string[] Closed = ["Resolved", "Dismissed", "Withdrawn", "Folded"];

    /// <summary>
    /// Goal 1: mixed reports (both tracks, anonymous and signed-in, every institution) at a steady offered rate; each
    /// about a person of its own, so each opens a case and is timed from its 202 to its case's first notification command.
    /// </summary>
    public static async Task<IEnumerable<Row>> SustainedAsync(Stack stack, Sizes sizes)
    {
        var count = (int)(sizes.SustainedRate * sizes.SustainedFor.TotalSeconds);
        var signedIn = Reports.Institutions.ToDictionary(i => i, i => stack.ClientFrom(0, stack.App.CreateToken(i, "bench-reporter", "reporter")));
        // Anonymous reporters are many people: ten reports per address keeps each under the gateway's per-client limit.
        var anonymous = Enumerable.Range(0, count / 10 + 1).Select(i => stack.ClientFrom(1 + i)).ToArray();
        var cpu = ProcessCpu.ByName();
        var answers = await Load.OfferAsync(count, sizes.SustainedFor, i =>
        {
            var institution = Reports.Institutions[i % Reports.Institutions.Length];
            var isAnonymous = i % 2 == 0;
            var email = $"sustained-{i}-{Guid.NewGuid():N}@{institution}.example";
            var report = i % 4 < 2 ? Reports.ConcerningConduct(institution, email, isAnonymous) : Reports.Harassment(institution, email, isAnonymous);
            return Reports.PostAsync(isAnonymous ? anonymous[i / 10] : signedIn[institution], report);
        });

        var accepted = answers.Where(a => a.CaseId is not null).ToList();
        var firstNotice = stack.Notices.FirstNotice;
        var waited = Stopwatch.StartNew();
        while (accepted.Any(a => !firstNotice.ContainsKey(a.CaseId!.Value)) && waited.Elapsed < DrainLimit)
        {
            await Task.Delay(200);
        }
        // What a report costs, by process, from its request to its first notice (the chain's later work is not all counted).
        var cpuPerReport = ProcessCpu.Busiest(cpu, ProcessCpu.ByName(), answers.Length, top: 6);
        var toNotice = accepted.Where(a => firstNotice.ContainsKey(a.CaseId!.Value))
            .Select(a => Math.Max(0, Stopwatch.GetElapsedTime(a.AnsweredAt, firstNotice[a.CaseId!.Value]).TotalMilliseconds)).Order().ToList();
        var api = answers.Select(a => a.Milliseconds).Order().ToList();
        var lost = accepted.Count - toNotice.Count;
        var failed = answers.Count(a => a.Status >= 500);
        var unanswered = answers.Count(a => a.Status == 0);
        var offered = $"{sizes.SustainedRate}/s for {sizes.SustainedFor.TotalSeconds:0} s";
        return
        [
            new("1 sustained", $"{offered}: API p99 (p50)", "≤ 150 ms",
                $"{Load.Percentile(api, 99):0} ms ({Load.Percentile(api, 50):0} ms)", Met: Load.Percentile(api, 99) <= 150),
            new("1 sustained", "accepted → first notification command p99 (p50)", "≤ 250 ms",
                $"{Load.Percentile(toNotice, 99):0} ms ({Load.Percentile(toNotice, 50):0} ms)", Met: Load.Percentile(toNotice, 99) <= 250),
            new("1 sustained", "accepted / lost / 5xx / no answer in 2 min / other", "lost 0, 5xx 0",
                $"{accepted.Count} / {lost} / {failed} / {unanswered} / {answers.Length - accepted.Count - failed - unanswered}{Refusals(answers)}",
                Met: lost == 0 && failed == 0 && unanswered == 0),
            new("1 sustained", "CPU ms per report, busiest processes", "", cpuPerReport),
        ];
    }

    /// <summary>
    /// Goal 2: a pile-on. Anonymous reports about one person, each on a post of its own, from many clients, offered within
    /// the window; each client offers one more than the gateway's per-client limit, so some are refused with 429.
    /// </summary>
    public static async Task<IEnumerable<Row>> BurstAsync(Stack stack, Sizes sizes)
    {
        const string Institution = "mercy";
        const int PerClient = 21;
        var email = $"burst-{Guid.NewGuid():N}@mercy.example";
        var subject = Reports.SubjectDigest(Institution, email);
        var clients = Enumerable.Range(0, sizes.Burst / PerClient + 1).Select(i => stack.ClientFrom(10_000 + i)).ToArray();
        var started = Stopwatch.GetTimestamp();
        var answers = await Load.OfferAsync(sizes.Burst, sizes.BurstWithin,
            i => Reports.PostAsync(clients[i / PerClient], Reports.ConcerningConduct(Institution, email, anonymous: true)));
        var offeredIn = Stopwatch.GetElapsedTime(started);

        // Drained: every accepted report is counted in an open case of the escalation service.
        var accepted = answers.Count(a => a.CaseId is not null);
        await using var escalation = await stack.OpenDatabaseAsync("escalationdb");
        var waited = Stopwatch.StartNew();
        (long Cases, long Reports, long Flagged) counted;
        while ((counted = await CountCasesAsync()).Reports < accepted && waited.Elapsed < DrainLimit)
        {
            await Task.Delay(250);
        }
        var drained = waited.Elapsed;
        // Late notices to the subject still count: give the last ones a moment.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var refused = answers.Count(a => a.Status == 429);
        var refusedWithRetry = answers.Count(a => a.Status == 429 && a.RetryAfter);
        var failed = answers.Count(a => a.Status >= 500);
        var unanswered = answers.Count(a => a.Status == 0);
        var lost = accepted - counted.Reports;
        var notices = stack.Notices.SubjectNotices.GetValueOrDefault(subject);
        var api = answers.Select(a => a.Milliseconds).Order().ToList();
        return
        [
            new("2 burst", $"{sizes.Burst} reports about one subject offered in {offeredIn.TotalSeconds:0} s: accepted / 429 (with Retry-After) / 5xx / no answer / other",
                "5xx 0; every 429 with Retry-After",
                $"{accepted} / {refused} ({refusedWithRetry}) / {failed} / {unanswered} / {answers.Length - accepted - refused - failed - unanswered}{Refusals(answers)}",
                Met: refused == refusedWithRetry && accepted + refused == answers.Length),
            new("2 burst", "API p99 (p50) during the burst", "", $"{Load.Percentile(api, 99):0} ms ({Load.Percentile(api, 50):0} ms)"),
            new("2 burst", "backlog drained after the last offer; lost", "≤ 60 s; lost 0",
                $"{drained.TotalSeconds:0.0} s; lost {lost}", Met: drained <= TimeSpan.FromSeconds(60) && lost == 0),
            new("2 burst", "open cases about the subject (flagged) / notices to the subject", "1 (1) / ≤ 1",
                $"{counted.Cases} ({counted.Flagged}) / {notices}", Met: counted.Cases == 1 && counted.Flagged == 1 && notices <= 1),
        ];

        async Task<(long, long, long)> CountCasesAsync()
        {
            await using var command = escalation.CreateCommand();
            command.CommandText = """
                SELECT count(*), coalesce(sum("ReportCount"), 0), count(*) FILTER (WHERE "PossibleRetaliation")
                FROM cases WHERE "SubjectDigest" = $1 AND NOT "CurrentState" = ANY($2)
                """;
            command.Parameters.Add(new() { Value = subject });
            command.Parameters.Add(new() { Value = Closed });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
    }

    /// <summary>What the answers other than 2xx were, e.g. " (503 ×12, none ×3)", so that a failure says where to look.</summary>
    private static string Refusals(IEnumerable<Answer> answers)
    {
        var counts = answers.Where(a => a.Status is < 200 or >= 300).GroupBy(a => a.Status).OrderBy(g => g.Key)
            .Select(g => $"{(g.Key == 0 ? "none" : g.Key.ToString())} ×{g.Count()}").ToList();
        return counts.Count == 0 ? "" : $" ({string.Join(", ", counts)})";
    }

    /// <summary>Goal 3: the messaging bench, on the stack's own PostgreSQL and RabbitMQ.</summary>
    public static async Task<IEnumerable<Row>> MessagingAsync(Stack stack, Sizes sizes)
    {
        var (plain, haven) = await Comparison.RunAsync(await stack.ServerAsync(), await stack.BrokerAsync(), sizes.Messages, warmup: 200);
        var ratio = haven.PerSecond / plain.PerSecond;
        return
        [
            new("3 messaging", $"outbox → broker → inbox, {sizes.Messages} messages: messages/s (p50; CPU ms per message: bench + PostgreSQL + RabbitMQ)", "≥ 0.8× plain MassTransit",
                $"{haven.PerSecond:0} ({haven.P50:0} ms; {haven.CpuPerMessage})", $"{plain.PerSecond:0} ({plain.P50:0} ms; {plain.CpuPerMessage})", $"{ratio:0.00}×", ratio >= 0.8),
        ];
    }

    /// <summary>Goal 4: appends into one institution's chain, as the audit consumer makes them, verified afterwards.</summary>
    public static async Task<IEnumerable<Row>> AuditAsync(Stack stack, Sizes sizes)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(await stack.ServerAsync()) { Database = "bench_audit" }.ConnectionString;
        var appender = await Appender.CreateAsync(database, warmup: 200);
        // One entry per transaction, as the consumer appended before its group commit: the baseline.
        var single = await appender.RunAsync("single", sizes.AuditEntries, writers: 16, chains: 1);
        // As the audit service's consumers append: up to 16 messages at once, each waiting for the group its entry is in.
        var grouped = await appender.RunAsync("grouped", sizes.AuditEntries, writers: 16, chains: 1, grouped: true);
        var ratio = grouped.PerSecond / single.PerSecond;
        return
        [
            new("4 audit", $"{sizes.AuditEntries} entries into one chain from 16 writers, group commit: entries/s (chain verifies)", "≥ 2,000/s",
                $"{grouped.PerSecond:0} ({(grouped.Verified ? "yes" : "NO")})",
                $"{single.PerSecond:0} one per transaction ({(single.Verified ? "yes" : "NO")})", $"{ratio:0.0}×",
                grouped.PerSecond >= 2000 && grouped.Verified && single.Verified),
        ];
    }

    /// <summary>
    /// Goal 5: the same request (an intake service's info, signed in) through the gateway and to the service directly, by
    /// 16 clients at once, alternating twice so that a change in the machine's load hits both alike.
    /// </summary>
    public static async Task<IEnumerable<Row>> GatewayAsync(Stack stack, Sizes sizes)
    {
        const int Clients = 16;
        var token = stack.App.CreateToken("mercy", "bench-operator", "operator");
        using var gateway = new HttpClient { BaseAddress = stack.Gateway };
        using var direct = new HttpClient { BaseAddress = stack.Intake };
        foreach (var client in new[] { gateway, direct })
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        var through = new List<(double, double[])>();
        var around = new List<(double, double[])>();
        await Round(gateway, TimeSpan.FromSeconds(2));
        await Round(direct, TimeSpan.FromSeconds(2));
        // Where each request's CPU goes, by process: on two cores the client, the gateway and the service share one budget.
        var (cpuThrough, cpuAround) = (new List<string>(), new List<string>());
        for (var i = 0; i < 2; i++)
        {
            around.Add(await Measured(direct, cpuAround));
            through.Add(await Measured(gateway, cpuThrough));
        }
        var (viaRps, viaP50) = (through.Average(r => r.Item1), Load.Percentile(through.SelectMany(r => r.Item2).Order().ToList(), 50));
        var (directRps, directP50) = (around.Average(r => r.Item1), Load.Percentile(around.SelectMany(r => r.Item2).Order().ToList(), 50));
        var ratio = viaRps / directRps;
        return
        [
            new("5 gateway", $"GET /api/intake/info, {Clients} clients: requests/s", "≥ 0.6× direct", $"{viaRps:0}", $"{directRps:0}",
                $"{ratio:0.00}×", ratio >= 0.6),
            new("5 gateway", "added at p50 (gateway p50 − direct p50)", "≤ 0.5 ms", $"{viaP50 - directP50:0.00} ms ({viaP50:0.00} − {directP50:0.00})",
                Met: viaP50 - directP50 <= 0.5),
            new("5 gateway", "CPU ms per request, busiest processes (second round)", "", cpuThrough[^1], cpuAround[^1]),
        ];

        async Task<(double, double[])> Measured(HttpClient client, List<string> cpu)
        {
            var before = ProcessCpu.ByName();
            var round = await Round(client, sizes.GatewayFor / 2);
            cpu.Add(ProcessCpu.Busiest(before, ProcessCpu.ByName(), round.Item2.Length));
            return round;
        }

        static async Task<(double, double[])> Round(HttpClient client, TimeSpan duration) =>
            await Load.SaturateAsync(Clients, duration, async () =>
            {
                using var response = await client.GetAsync("/api/intake/info");
                response.EnsureSuccessStatusCode();
            });
    }
}
