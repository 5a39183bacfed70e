using System.Net.Http.Json;
using Haven.Contracts.Cases;
using Haven.Contracts.Reports;

namespace Haven.WebApp.Services;

/// <summary>Escalation's case API through the gateway, as the signed-in case manager.</summary>
public sealed class CasesApi(HttpClient http)
{
    public async Task<ApiResult<CasePage>> ListAsync(CaseStatus? status, Severity? severity, Track? track, int page,
        CancellationToken cancellationToken)
    {
        var query = new List<string> { $"page={page}" };
        if (status is { } s) query.Add($"status={s}");
        if (severity is { } v) query.Add($"severity={v}");
        if (track is { } t) query.Add($"track={t}");
        return await ApiResult<CasePage>.ReadAsync(await http.GetAsync($"/api/cases?{string.Join('&', query)}", cancellationToken), cancellationToken);
    }

    public async Task<ApiResult<CaseDetail>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await ApiResult<CaseDetail>.ReadAsync(await http.GetAsync($"/api/cases/{id}", cancellationToken), cancellationToken);

    /// <summary>A referral packet as the API gives it (JSON), for printing or download.</summary>
    public async Task<ApiResult<System.Text.Json.JsonElement>> GetReferralAsync(Guid id, string pathway, CancellationToken cancellationToken) =>
        await ApiResult<System.Text.Json.JsonElement>.ReadAsync(
            await http.GetAsync($"/api/cases/{id}/referrals/{Uri.EscapeDataString(pathway)}", cancellationToken), cancellationToken);

    public Task<ApiResult<object>> AcknowledgeAsync(Guid id, CancellationToken cancellationToken) => PostAsync($"{id}/acknowledge", null, cancellationToken);

    public Task<ApiResult<object>> StartReviewAsync(Guid id, CancellationToken cancellationToken) => PostAsync($"{id}/review", null, cancellationToken);

    public Task<ApiResult<object>> AddNoteAsync(Guid id, string? text, CancellationToken cancellationToken) =>
        PostAsync($"{id}/notes", new { text }, cancellationToken);

    public Task<ApiResult<object>> MessageReporterAsync(Guid id, string? text, CancellationToken cancellationToken) =>
        PostAsync($"{id}/messages", new { text }, cancellationToken);

    public Task<ApiResult<object>> ResolveAsync(Guid id, string? note, CancellationToken cancellationToken) =>
        PostAsync($"{id}/resolve", new { note }, cancellationToken);

    public Task<ApiResult<object>> DismissAsync(Guid id, string? note, CancellationToken cancellationToken) =>
        PostAsync($"{id}/dismiss", new { note }, cancellationToken);

    private async Task<ApiResult<object>> PostAsync(string path, object? body, CancellationToken cancellationToken)
    {
        var response = body is null
            ? await http.PostAsync($"/api/cases/{path}", null, cancellationToken)
            : await http.PostAsJsonAsync($"/api/cases/{path}", body, Extensions.Extensions.Json, cancellationToken);
        // An accepted action has no body worth reading.
        if (response.IsSuccessStatusCode)
        {
            response.Dispose();
            return new ApiResult<object>(null, response.StatusCode, null, new Dictionary<string, string[]>());
        }
        return await ApiResult<object>.ReadAsync(response, cancellationToken);
    }
}

public sealed record CaseSummary(Guid Id, CaseStatus Status, Track Track, Severity Severity, IReadOnlyList<ReportCategory> Categories,
    bool PossibleRetaliation, bool Overdue, int Level, int ReportCount, DateTime OpenedAt, DateTime UpdatedAt, DateTime? AcknowledgementDueAt);

public sealed record CaseDetail(CaseSummary Summary, IReadOnlyList<Pathway> Pathways, string? RetaliationReason,
    string? AcknowledgedBy, DateTime? AcknowledgedAt, string? ContentAuditOutcome, IReadOnlyList<CaseStep> Steps,
    IReadOnlyList<TimelineEntry> Timeline);

public sealed record CasePage(IReadOnlyList<CaseSummary> Items, int Page, int PageSize, int Total);

public sealed record CaseStep(string Name, string Status, DateTime OpenedAt, DateTime? DueAt, DateTime? CompletedAt);

public sealed record TimelineEntry(DateTime At, string Kind, string? Actor, string? Detail);
