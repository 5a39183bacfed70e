using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Haven.Hosting.Dashboard.Api;

/// <summary>Queue depths from the broker's management API, read when the metrics page asks for them.</summary>
internal sealed class RabbitMQQueues(DistributedApplication app) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(3) };

    public async Task<(List<QueueView> Queues, string? Error)> ReadAsync(CancellationToken cancellationToken)
    {
        var broker = app.Resources.OfType<RabbitMQServerResource>().FirstOrDefault();
        if (broker?.ManagementUrl is not { } managementUrl)
        {
            return ([], broker is null ? null : "The broker's management API is not running.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{managementUrl}/api/queues?columns=name,messages,messages_ready,messages_unacknowledged,consumers,message_stats");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{broker.UserName.Value}:{broker.Password.Value}")));
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return ([.. json.RootElement.EnumerateArray().Select(ToView).OrderBy(q => q.Name, StringComparer.Ordinal)], null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return ([], $"The broker's management API did not answer: {e.Message}");
        }
    }

    public void Dispose() => _http.Dispose();

    private static QueueView ToView(JsonElement queue) => new(
        queue.GetProperty("name").GetString() ?? "",
        Number(queue, "messages"),
        Number(queue, "messages_ready"),
        Number(queue, "messages_unacknowledged"),
        (int)Number(queue, "consumers"),
        Rate(queue, "publish_details"),
        Rate(queue, "deliver_get_details"));

    // A queue that has never held a message reports no counts and no message_stats at all.
    private static long Number(JsonElement queue, string name) =>
        queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static double Rate(JsonElement queue, string details) =>
        queue.TryGetProperty("message_stats", out var stats) && stats.ValueKind == JsonValueKind.Object
        && stats.TryGetProperty(details, out var detail) && detail.TryGetProperty("rate", out var rate) ? rate.GetDouble() : 0;
}
