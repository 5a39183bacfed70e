using System.Net.Http.Headers;
using System.Net.Http.Json;
using Haven.Contracts.Cases;
using Haven.Contracts.Reports;

namespace Haven.WebApp.Services;

/// <summary>Intake's API through the gateway: a report, a reporter's follow-up with their case key, a case's evidence.</summary>
public sealed class IntakeApi(HttpClient http)
{
    public async Task<ApiResult<ReportAccepted>> SubmitAsync(SubmitReport report, CancellationToken cancellationToken) =>
        await ApiResult<ReportAccepted>.ReadAsync(
            await http.PostAsJsonAsync("/api/intake/reports", report, Extensions.Extensions.Json, cancellationToken), cancellationToken);

    public Task<ApiResult<FollowUp>> GetFollowUpAsync(CaseKey key, CancellationToken cancellationToken) =>
        SendAsync<FollowUp>(HttpMethod.Get, "/api/intake/follow-up", key, cancellationToken);

    public Task<ApiResult<Withdrawal>> WithdrawAsync(CaseKey key, CancellationToken cancellationToken) =>
        SendAsync<Withdrawal>(HttpMethod.Post, "/api/intake/follow-up/withdraw", key, cancellationToken);

    public Task<ApiResult<FollowUpMessage>> ReplyAsync(CaseKey key, string? text, CancellationToken cancellationToken) =>
        SendAsync<FollowUpMessage>(HttpMethod.Post, "/api/intake/follow-up/messages", key, cancellationToken, JsonContent.Create(new { text }));

    /// <summary>The receipt as the audit log wrote it, unparsed: the reporter's browser checks it, not this server.</summary>
    public Task<ApiResult<System.Text.Json.JsonElement>> GetReceiptAsync(CaseKey key, CancellationToken cancellationToken) =>
        SendAsync<System.Text.Json.JsonElement>(HttpMethod.Get, "/api/intake/follow-up/receipt", key, cancellationToken);

    /// <summary>Every report of the case with its text and evidence; the read is recorded in the audit log before it is answered.</summary>
    public async Task<ApiResult<CaseEvidence>> GetEvidenceAsync(Guid caseId, CancellationToken cancellationToken) =>
        await ApiResult<CaseEvidence>.ReadAsync(await http.GetAsync($"/api/intake/cases/{caseId}/evidence", cancellationToken), cancellationToken);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, CaseKey key, CancellationToken cancellationToken,
        HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("CaseKey", $"{key.Key}:{key.Secret}") },
            Content = content,
        };
        return await ApiResult<T>.ReadAsync(await http.SendAsync(request, cancellationToken), cancellationToken);
    }
}

public sealed record CaseKey(string Key, string Secret);

public sealed record SubmitReport(
    Track Track,
    string InstitutionId,
    IReadOnlyList<ReportCategory> Categories,
    ReportContextRequest Context,
    string Platform,
    IReadOnlyList<string> ContentUrls,
    IReadOnlyList<EvidenceRequest> Evidence,
    string Description,
    SubjectRequest Subject,
    string Disclosure,
    ReporterRequest? Reporter,
    bool? TargetConsentsToInstitution,
    bool? PeerSupportWanted);

public sealed record ReportContextRequest(string Kind, string? Topic);

public sealed record EvidenceRequest(string Text, string? Handle, DateTimeOffset? SeenAt, string? Url);

public sealed record SubjectRequest(string Name, string Email, string? Department);

public sealed record ReporterRequest(string Name, string Email);

public sealed record ReportAccepted(Guid ReportId, Guid CaseId, bool HeldUntilCorroborated, string? CaseKey, string? CaseSecret);

public sealed record FollowUp(Guid ReportId, Guid CaseId, CaseStatus Status, bool HeldUntilCorroborated, DateTimeOffset SubmittedAt,
    DateTimeOffset StatusChangedAt, DateTimeOffset? WithdrawnAt, IReadOnlyList<FollowUpMessage> Messages, IReadOnlyList<FollowUpNotice> Notices);

public sealed record FollowUpMessage(Guid MessageId, string Text, DateTimeOffset PostedAt, bool FromReporter);

public sealed record FollowUpNotice(Guid NotificationId, string Title, string Body, DateTimeOffset CreatedAt);

public sealed record Withdrawal(Guid ReportId, Guid CaseId, DateTimeOffset WithdrawnAt);

public sealed record CaseEvidence(Guid CaseId, IReadOnlyList<ReportEvidence> Reports);

public sealed record ReportEvidence(Guid ReportId, DateTimeOffset SubmittedAt, Track Track, IReadOnlyList<ReportCategory> Categories,
    string Context, string? AdvocacyTopic, string Platform, IReadOnlyList<string> ContentUrls, string Description, string SubjectName,
    string? SubjectDepartment, string Disclosure, string? ReporterUserId, string? ReporterName, string? ReporterEmail,
    IReadOnlyList<EvidenceSeen> Evidence);

public sealed record EvidenceSeen(string? Url, string? Handle, DateTimeOffset SeenAt, string Text, string TextSha256);
