using System.Net.Http.Json;

namespace Haven.WebApp.Services;

/// <summary>What an institution admin reads and changes, through the gateway: the ladder, the directory, webhook and AMQP subscriptions.</summary>
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

    public async Task<ApiResult<LadderPolicy>> SavePolicyAsync(LadderPolicy policy, CancellationToken cancellationToken) =>
        await ApiResult<LadderPolicy>.ReadAsync(
            await http.PutAsJsonAsync("/api/cases/policy", policy, Extensions.Extensions.Json, cancellationToken), cancellationToken);

    public async Task<ApiResult<DirectoryPerson>> AddPersonAsync(NewPerson person, CancellationToken cancellationToken) =>
        await ApiResult<DirectoryPerson>.ReadAsync(
            await http.PostAsJsonAsync("/api/notifications/directory", person, Extensions.Extensions.Json, cancellationToken), cancellationToken);

    public async Task<ApiResult<DirectoryPerson>> PersonAsync(Guid id, CancellationToken cancellationToken) =>
        await ApiResult<DirectoryPerson>.ReadAsync(await http.GetAsync($"/api/notifications/directory/{id}", cancellationToken), cancellationToken);

    public async Task<ApiResult<object>> RemovePersonAsync(Guid id, CancellationToken cancellationToken) =>
        await ApiResult<object>.ReadAsync(await http.DeleteAsync($"/api/notifications/directory/{id}", cancellationToken), cancellationToken);

    public async Task<ApiResult<List<string>>> WebhookEventTypesAsync(CancellationToken cancellationToken) =>
        await ApiResult<List<string>>.ReadAsync(await http.GetAsync("/api/notifications/webhooks/event-types", cancellationToken), cancellationToken);

    public async Task<ApiResult<CreatedWebhook>> SubscribeAsync(string? url, IReadOnlyList<string> eventTypes, CancellationToken cancellationToken) =>
        await ApiResult<CreatedWebhook>.ReadAsync(await http.PostAsJsonAsync("/api/notifications/webhooks", new { url, eventTypes },
            Extensions.Extensions.Json, cancellationToken), cancellationToken);

    public async Task<ApiResult<object>> StopAsync(Guid subscription, CancellationToken cancellationToken) =>
        await ApiResult<object>.ReadAsync(await http.DeleteAsync($"/api/notifications/webhooks/{subscription}", cancellationToken), cancellationToken);

    public async Task<ApiResult<WebhookDelivery>> ReplayAsync(Guid subscription, Guid delivery, CancellationToken cancellationToken) =>
        await ApiResult<WebhookDelivery>.ReadAsync(
            await http.PostAsync($"/api/notifications/webhooks/{subscription}/deliveries/{delivery}/replay", null, cancellationToken), cancellationToken);

    public async Task<ApiResult<WebhookSubscription>> EnableAsync(Guid subscription, CancellationToken cancellationToken) =>
        await ApiResult<WebhookSubscription>.ReadAsync(
            await http.PostAsync($"/api/notifications/webhooks/{subscription}/enable", null, cancellationToken), cancellationToken);

    public async Task<ApiResult<List<AmqpSubscription>>> AmqpSubscriptionsAsync(CancellationToken cancellationToken) =>
        await ApiResult<List<AmqpSubscription>>.ReadAsync(await http.GetAsync("/api/notifications/amqp-subscriptions", cancellationToken), cancellationToken);

    public async Task<ApiResult<AmqpSubscription>> AmqpSubscriptionAsync(Guid id, CancellationToken cancellationToken) =>
        await ApiResult<AmqpSubscription>.ReadAsync(await http.GetAsync($"/api/notifications/amqp-subscriptions/{id}", cancellationToken), cancellationToken);

    public async Task<ApiResult<CreatedAmqpSubscription>> CreateAmqpSubscriptionAsync(IReadOnlyList<string> eventTypes,
        CancellationToken cancellationToken) =>
        await ApiResult<CreatedAmqpSubscription>.ReadAsync(await http.PostAsJsonAsync("/api/notifications/amqp-subscriptions", new { eventTypes },
            Extensions.Extensions.Json, cancellationToken), cancellationToken);

    public async Task<ApiResult<object>> RevokeAmqpSubscriptionAsync(Guid id, CancellationToken cancellationToken) =>
        await ApiResult<object>.ReadAsync(await http.DeleteAsync($"/api/notifications/amqp-subscriptions/{id}", cancellationToken), cancellationToken);
}

public sealed record LadderPolicy(IReadOnlyList<LadderLevel> Levels, int Repeats);

public sealed record LadderLevel(IReadOnlyList<string> Roles, TimeSpan Critical, TimeSpan High, TimeSpan Moderate, TimeSpan Low);

public sealed record DirectoryPerson(Guid Id, string UserId, string DisplayName, string Email, IReadOnlyList<string> Roles);

public sealed record NewPerson(string? UserId, string? DisplayName, string? Email, IReadOnlyList<string> Roles);

/// <summary>A new subscription and its signing secret, which the API gives only this once.</summary>
public sealed record CreatedWebhook(WebhookSubscription Subscription, string Secret);

public sealed record WebhookSubscription(Guid Id, string Url, IReadOnlyList<string> EventTypes, bool Enabled, int ConsecutiveFailures,
    DateTimeOffset? DisabledAt, string? DisabledReason, DateTimeOffset CreatedAt);

public sealed record WebhookDelivery(Guid Id, Guid EventId, string EventType, Guid? CaseId, string State, int Attempts, int? LastStatusCode,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt);

public sealed record AmqpSubscription(Guid Id, string Queue, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A new AMQP subscription and the partner's broker credentials, which the API gives only this once.</summary>
public sealed record CreatedAmqpSubscription(AmqpSubscription Subscription, string Uri, string UserName, string Password);
