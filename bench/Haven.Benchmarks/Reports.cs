using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Haven.Benchmarks;

/// <summary>The report forms the scenarios send.</summary>
public static class Reports
{
    public static readonly string[] Institutions = ["mercy", "lakeside", "northfield"];

    /// <summary>A track-B report (concerning conduct) about the subject, on a post of its own.</summary>
    public static object ConcerningConduct(string institution, string subjectEmail, bool anonymous) => new
    {
        track = "ConcerningConduct",
        institutionId = institution,
        categories = new[] { "HealthMisinformation" },
        context = new { kind = "WorkRelated" },
        platform = "Instagram",
        contentUrls = new[] { $"https://instagram.com/p/bench-{Guid.NewGuid():N}" },
        description = "Benchmark report.",
        subject = new { name = "Dr. Bench", email = subjectEmail },
        disclosure = anonymous ? "Anonymous" : "Named",
    };

    /// <summary>A track-A report (a clinician harassed) about the target, on a post of its own.</summary>
    public static object Harassment(string institution, string targetEmail, bool anonymous) => new
    {
        track = "Harassment",
        institutionId = institution,
        categories = new[] { "PersonalAttack" },
        context = new { kind = "Advocacy", topic = "vaccines" },
        platform = "X",
        contentUrls = new[] { $"https://x.com/bench/status/{Guid.NewGuid():N}" },
        description = "Benchmark report.",
        subject = new { name = "Dr. Target", email = targetEmail },
        disclosure = anonymous ? "Anonymous" : "Named",
        targetConsentsToInstitution = true,
    };

    /// <summary>The subject as the services know them (see ReportSubmitted.SubjectDigest).</summary>
    public static string SubjectDigest(string institution, string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{institution}:{email.Trim().ToLowerInvariant()}")));

    public static async Task<Answer> PostAsync(HttpClient client, object report)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsJsonAsync("/api/intake/reports", report);
            var body = await response.Content.ReadAsStringAsync();
            var at = Stopwatch.GetTimestamp();
            Guid? caseId = response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("caseId").GetGuid() : null;
            return new Answer((int)response.StatusCode, response.Headers.RetryAfter is not null, Stopwatch.GetElapsedTime(started, at).TotalMilliseconds,
                at, caseId);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // No answer at all (refused connection, reset, timeout): as bad as a 5xx, and counted apart.
            return new Answer(0, false, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Stopwatch.GetTimestamp());
        }
    }
}
