namespace Haven.WebApp.Services;

/// <summary>The audit log's API through the gateway, as the signed-in auditor of their institution.</summary>
public sealed class AuditApi(HttpClient http)
{
    public async Task<ApiResult<ChainVerification>> VerifyAsync(CancellationToken cancellationToken) =>
        await ApiResult<ChainVerification>.ReadAsync(await http.GetAsync("/api/audit/verify", cancellationToken), cancellationToken);

    public async Task<ApiResult<List<Checkpoint>>> CheckpointsAsync(CancellationToken cancellationToken) =>
        await ApiResult<List<Checkpoint>>.ReadAsync(await http.GetAsync("/api/audit/checkpoints", cancellationToken), cancellationToken);

    public async Task<ApiResult<Checkpoint>> SignCheckpointAsync(CancellationToken cancellationToken) =>
        await ApiResult<Checkpoint>.ReadAsync(await http.PostAsync("/api/audit/checkpoints", null, cancellationToken), cancellationToken);

    /// <summary>The export (JSON lines) as the API streams it, for a download.</summary>
    public Task<HttpResponseMessage> ExportAsync(CancellationToken cancellationToken) =>
        http.GetAsync("/api/audit/export", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}

public sealed record ChainVerification(string InstitutionId, long From, long To, long EntriesChecked, bool Valid, long? FailedAtSequence,
    string? Reason, string? HeadHash);

public sealed record Checkpoint(string InstitutionId, long Sequence, string HeadHash, string KeyId, string Signature, DateTimeOffset SignedAt,
    string Statement);
