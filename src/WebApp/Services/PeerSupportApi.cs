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
