using System.Net.Http.Json;

namespace Haven.WebApp.Services;

/// <summary>Peer support's API through the gateway, as the signed-in supporter, requester or network lead.</summary>
public sealed class PeerSupportApi(HttpClient http)
{
    public async Task<ApiResult<List<SupportView>>> MineAsync(CancellationToken cancellationToken) =>
        await ApiResult<List<SupportView>>.ReadAsync(await http.GetAsync("/api/peer-support/requests/mine", cancellationToken), cancellationToken);

    public Task<ApiResult<object>> AcceptAsync(Guid id, CancellationToken cancellationToken) => PostAsync($"requests/{id}/accept", null, cancellationToken);

    public Task<ApiResult<object>> DeclineAsync(Guid id, CancellationToken cancellationToken) => PostAsync($"requests/{id}/decline", null, cancellationToken);

    public Task<ApiResult<object>> TouchBaseAsync(Guid id, CancellationToken cancellationToken) => PostAsync($"requests/{id}/touch-base", null, cancellationToken);

    public Task<ApiResult<object>> CheckInAsync(Guid id, string? text, CancellationToken cancellationToken) =>
        PostAsync($"requests/{id}/notes", new { text, checkIn = true }, cancellationToken);

    public Task<ApiResult<object>> CloseAsync(Guid id, int? rating, string? comment, CancellationToken cancellationToken) =>
        PostAsync($"requests/{id}/close", new { rating, comment }, cancellationToken);

    public Task<ApiResult<object>> AskAsync(SupportAsk ask, CancellationToken cancellationToken) => PostAsync("requests", ask, cancellationToken);

    public Task<ApiResult<object>> ReferAsync(SupportReferral referral, CancellationToken cancellationToken) => PostAsync("referrals", referral, cancellationToken);

    public async Task<ApiResult<List<ToolkitResource>>> ToolkitAsync(CancellationToken cancellationToken) =>
        await ApiResult<List<ToolkitResource>>.ReadAsync(await http.GetAsync("/api/peer-support/toolkit", cancellationToken), cancellationToken);

    public Task<ApiResult<object>> AddToolkitResourceAsync(NewToolkitResource resource, CancellationToken cancellationToken) =>
        PostAsync("toolkit", resource, cancellationToken);

    public async Task<ApiResult<NetworkSettings>> NetworkSettingsAsync(CancellationToken cancellationToken) =>
        await ApiResult<NetworkSettings>.ReadAsync(await http.GetAsync("/api/peer-support/network/settings", cancellationToken), cancellationToken);

    public async Task<ApiResult<NetworkSettings>> SaveNetworkSettingsAsync(NetworkSettings settings, CancellationToken cancellationToken) =>
        await ApiResult<NetworkSettings>.ReadAsync(await http.PutAsJsonAsync("/api/peer-support/network/settings", settings,
            Extensions.Extensions.Json, cancellationToken), cancellationToken);

    public async Task<ApiResult<List<NetworkRequest>>> NetworkRequestsAsync(CancellationToken cancellationToken) =>
        await ApiResult<List<NetworkRequest>>.ReadAsync(await http.GetAsync("/api/peer-support/network/requests", cancellationToken), cancellationToken);

    private async Task<ApiResult<object>> PostAsync(string path, object? body, CancellationToken cancellationToken)
    {
        var response = body is null
            ? await http.PostAsync($"/api/peer-support/{path}", null, cancellationToken)
            : await http.PostAsJsonAsync($"/api/peer-support/{path}", body, Extensions.Extensions.Json, cancellationToken);
        return await ApiResult<object>.ReadAsync(response, cancellationToken);
    }
}

public sealed record SupportView(Guid Id, string Status, string Origin, string YourPart, bool Urgent, DateTimeOffset RequestedAt,
    IReadOnlyList<string> WhyThisSupporter, DateTimeOffset? RespondBy, DateTimeOffset? AcceptedAt, DateTimeOffset? TouchedBaseAt,
    int CheckInsDue, DateTimeOffset? ClosedAt, int Refusals, HandOff? HandOff);

public sealed record HandOff(string? FirstName, string? PreferredContact);

/// <summary>Support asked for oneself: a first name and a way to be reached are all a supporter learns.</summary>
public sealed record SupportAsk(string FirstName, string PreferredContact, string? Department, IReadOnlyList<string> Languages,
    IReadOnlyList<string> Experience, bool PreferAnotherInstitution, bool Urgent);

/// <summary>Support asked for a colleague of one's own institution, named by their work email.</summary>
public sealed record SupportReferral(string ColleagueEmail, string FirstName, string PreferredContact, string? Department,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Experience, bool PreferAnotherInstitution, bool Urgent);

public sealed record ToolkitResource(Guid? Id, string Topic, string Title, string? Url, string? Summary, string Scope);

public sealed record NewToolkitResource(string Topic, string Title, string? Url, string? Summary, bool ForMyInstitutionOnly);

public sealed record NetworkSettings(TimeSpan OfferDeadline, TimeSpan UrgentOfferDeadline, int RefusalsBeforeLeadIsTold, TimeSpan FirstCheckIn,
    TimeSpan SecondCheckIn);

/// <summary>A request as the network lead sees it: its course, never who asked or what was said.</summary>
public sealed record NetworkRequest(Guid Id, string Status, string Origin, string InstitutionId, bool Urgent, DateTimeOffset RequestedAt, int Refusals,
    IReadOnlyList<string> WhyThisSupporter, DateTimeOffset? AcceptedAt, DateTimeOffset? ClosedAt, int? FeedbackRating);
