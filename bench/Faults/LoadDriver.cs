using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Haven.Faults;

/// <summary>A report the gateway answered with 2xx: Haven promised that it is stored and that everything it causes happens once.</summary>
public sealed record AcceptedReport(Guid ReportId, Guid CaseId, string Institution, string Track, bool SignedIn, bool HasCaseKey,
    DateTimeOffset AcceptedAt);

/// <summary>What a load run sent: the accepted reports, and how many of the others got which answer (or none).</summary>
public sealed record LoadResult(IReadOnlyList<AcceptedReport> Accepted, IReadOnlyDictionary<string, int> Refused)
{
    public string RefusedSummary => Refused.Count == 0 ? "none" : string.Join(", ", Refused.OrderBy(r => r.Key).Select(r => $"{r.Key}×{r.Value}"));
}

/// <summary>
/// A steady rate of reports through the gateway, whatever the answers: several institutions, both tracks, anonymous and signed
/// in, each about content and a person of its own (so each opens a case of its own). Requests are not held back when the
/// platform is slow or down; each has its own timeout.
/// </summary>
public sealed class LoadDriver(FaultStack stack)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public async Task<LoadResult> RunAsync(double perSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = stack.App.GetEndpoint("gateway"), Timeout = RequestTimeout };
        var tokens = FaultStack.Institutions.ToDictionary(i => i, i => stack.App.CreateToken(i, $"faults-reporter-{i}", "reporter"));
        var accepted = new ConcurrentBag<AcceptedReport>();
        var refused = new ConcurrentDictionary<string, int>();
        var count = (int)(perSecond * duration.TotalSeconds);
        var start = DateTimeOffset.UtcNow;
        var sent = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = start + TimeSpan.FromSeconds(i / perSecond);
            if (due - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }
            sent.Add(SubmitAsync(client, i, tokens, accepted, refused, cancellationToken));
        }
        await Task.WhenAll(sent);
        return new LoadResult([.. accepted.OrderBy(a => a.AcceptedAt)], refused);
    }

    private static async Task SubmitAsync(HttpClient client, int n, Dictionary<string, string> tokens, ConcurrentBag<AcceptedReport> accepted,
        ConcurrentDictionary<string, int> refused, CancellationToken cancellationToken)
    {
        var institution = FaultStack.Institutions[n % FaultStack.Institutions.Length];
        var track = n / FaultStack.Institutions.Length % 2 == 0 ? "Harassment" : "ConcerningConduct";
        var signedIn = n / (2 * FaultStack.Institutions.Length) % 2 == 1;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/reports") { Content = JsonContent.Create(Report(institution, track, signedIn)) };
        if (signedIn)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[institution]);
        }
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                refused.AddOrUpdate(((int)response.StatusCode).ToString(), 1, (_, c) => c + 1);
                return;
            }
            var body = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken))!;
            accepted.Add(new AcceptedReport(body.GetProperty("reportId").GetGuid(), body.GetProperty("caseId").GetGuid(), institution, track,
                signedIn, body.TryGetProperty("caseKey", out var key) && key.ValueKind == JsonValueKind.String, DateTimeOffset.UtcNow));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            refused.AddOrUpdate(e is TaskCanceledException ? "timeout" : "no answer", 1, (_, c) => c + 1);
        }
    }

    private static Dictionary<string, object?> Report(string institution, string track, bool signedIn)
    {
        var id = Guid.NewGuid().ToString("N");
        var harassment = track == "Harassment";
        return new()
        {
            ["track"] = track,
            ["institutionId"] = institution,
            ["categories"] = new[] { harassment ? "PersonalAttack" : "HealthMisinformation" },
            ["context"] = harassment ? new { kind = "Advocacy", topic = (string?)"vaccines" } : new { kind = "WorkRelated", topic = (string?)null },
            ["platform"] = harassment ? "X" : "Instagram",
            ["contentUrls"] = new[] { $"https://faults.example/{id}" },
            ["description"] = harassment ? "Replies attacking a colleague after her vaccine video." : "Posts telling patients to stop their medication.",
            ["subject"] = new { name = "Dr. Load Test", email = $"dr.{id}@faults.example" },
            ["disclosure"] = signedIn ? "Named" : "Anonymous",
        };
    }
}
