using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Haven.Faults;

/// <summary>A queue as RabbitMQ's management API lists it.</summary>
public sealed record QueueDepth(string Name, int Messages);

/// <summary>A message parked in an error or skipped queue, and its body.</summary>
public sealed record ParkedMessage(string Queue, string? MessageId, string? Reason, string? Payload);

/// <summary>RabbitMQ's management API (the port and credentials the AppHost gives the broker): queue depths and parked messages.</summary>
public sealed class BrokerAdmin : IDisposable
{
    private readonly HttpClient _http;

    private BrokerAdmin(HttpClient http) => _http = http;

    public static async Task<BrokerAdmin> CreateAsync(FaultStack stack)
    {
        var broker = await stack.BrokerUriAsync();
        var http = new HttpClient { BaseAddress = stack.App.GetEndpoint("messaging", "management"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(broker.UserInfo))));
        return new BrokerAdmin(http);
    }

    public async Task<List<QueueDepth>> QueuesAsync(CancellationToken cancellationToken)
    {
        var queues = await _http.GetFromJsonAsync<List<JsonElement>>("/api/queues/%2F?columns=name,messages", cancellationToken);
        return [.. queues!.Select(q => new QueueDepth(q.GetProperty("name").GetString()!,
            q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : 0))];
    }

    public async Task<List<string>> ExchangesAsync(CancellationToken cancellationToken)
    {
        var exchanges = await _http.GetFromJsonAsync<List<JsonElement>>("/api/exchanges/%2F?columns=name", cancellationToken);
        return [.. exchanges!.Select(e => e.GetProperty("name").GetString()!)];
    }

    /// <summary>Every message in an <c>_error</c> or <c>_skipped</c> queue (looked at, and left where it is).</summary>
    public async Task<List<ParkedMessage>> ParkedAsync(CancellationToken cancellationToken)
    {
        var parked = new List<ParkedMessage>();
        foreach (var queue in (await QueuesAsync(cancellationToken)).Where(q => q.Messages > 0 && (q.Name.EndsWith("_error") || q.Name.EndsWith("_skipped"))))
        {
            using var response = await _http.PostAsJsonAsync($"/api/queues/%2F/{Uri.EscapeDataString(queue.Name)}/get",
                new { count = Math.Min(queue.Messages, 100), ackmode = "ack_requeue_true", encoding = "auto" }, cancellationToken);
            response.EnsureSuccessStatusCode();
            foreach (var message in (await response.Content.ReadFromJsonAsync<List<JsonElement>>(cancellationToken))!)
            {
                var properties = message.GetProperty("properties");
                string? Header(string name) => properties.TryGetProperty("headers", out var headers) && headers.TryGetProperty(name, out var value)
                    ? value.ToString() : null;
                parked.Add(new ParkedMessage(queue.Name, properties.TryGetProperty("message_id", out var id) ? id.GetString() : null,
                    Header("MT-Fault-Message") ?? Header("MT-Reason"),
                    message.TryGetProperty("payload", out var payload) ? payload.GetString() : null));
            }
        }
        return parked;
    }

    public void Dispose() => _http.Dispose();
}
