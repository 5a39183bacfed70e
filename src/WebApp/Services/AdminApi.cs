namespace Haven.WebApp.Services;

/// <summary>What an institution admin reads and changes, through the gateway: the ladder, the directory, webhooks.</summary>
public sealed class AdminApi(HttpClient http)
{
    public async Task<ApiResult<LadderPolicy>> PolicyAsync(CancellationToken cancellationToken) =>
        await ApiResult<LadderPolicy>.ReadAsync(await http.GetAsync("/api/cases/policy", cancellationToken), cancellationToken);

    public async Task<ApiResult<List<DirectoryPerson>>> DirectoryAsync(CancellationToken cancellationToken) =>
        await ApiResult<List<DirectoryPerson>>.ReadAsync(await http.GetAsync("/api/notifications/directory", cancellationToken), cancellationToken);

    public async Task<ApiResult<List<WebhookSubscription>>> WebhooksAsync(CancellationToken cancellationToken) =>
        await ApiResult<List<WebhookSubscription>>.ReadAsync(await http.GetAsync("/api/notifications/webhooks", cancellationToken), cancellationToken);

    public async Task<ApiResult<List<WebhookDelivery>>> DeliveriesAsync(Guid subscription, CancellationToken cancellationToken) =>
        await ApiResult<List<WebhookDelivery>>.ReadAsync(
            await http.GetAsync($"/api/notifications/webhooks/{subscription}/deliveries", cancellationToken), cancellationToken);

    public async Task<ApiResult<WebhookSubscription>> EnableAsync(Guid subscription, CancellationToken cancellationToken) =>
        await ApiResult<WebhookSubscription>.ReadAsync(
            await http.PostAsync($"/api/notifications/webhooks/{subscription}/enable", null, cancellationToken), cancellationToken);
}

public sealed record LadderPolicy(IReadOnlyList<LadderLevel> Levels, int Repeats);

public sealed record LadderLevel(IReadOnlyList<string> Roles, TimeSpan Critical, TimeSpan High, TimeSpan Moderate, TimeSpan Low);

public sealed record DirectoryPerson(Guid Id, string UserId, string DisplayName, string Email, IReadOnlyList<string> Roles);

public sealed record WebhookSubscription(Guid Id, string Url, IReadOnlyList<string> EventTypes, bool Enabled, int ConsecutiveFailures,
    DateTimeOffset? DisabledAt, string? DisabledReason, DateTimeOffset CreatedAt);

public sealed record WebhookDelivery(Guid Id, Guid EventId, string EventType, Guid? CaseId, string State, int Attempts, int? LastStatusCode,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt);
