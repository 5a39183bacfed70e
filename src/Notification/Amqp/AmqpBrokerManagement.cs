using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Haven.Notification.Amqp;

/// <summary>
/// Provisions partners on the broker through RabbitMQ's management HTTP API (<c>ConnectionStrings__messaging-management</c>:
/// <c>Endpoint=http://host:port;Username=…;Password=…</c>). Isolation is the broker's: a partner's user may configure
/// and write nothing and read only its own queue, so it cannot bind any queue to other keys, read another queue or
/// publish; only Haven binds its queue, to its institution's routing keys.
/// </summary>
public sealed class AmqpBrokerManagement(HttpClient http, NotificationOptions options)
{
    public const string ConnectionName = "messaging-management";

    // The default virtual host, "/", escaped as a path segment.
    private const string VirtualHost = "%2F";

    public async Task ProvisionAsync(Guid subscriptionId, string institutionId, IEnumerable<string> eventTypes, string password,
        CancellationToken cancellationToken)
    {
        var queue = AmqpTopology.Queue(subscriptionId);
        await SendAsync(HttpMethod.Put, $"exchanges/{VirtualHost}/{AmqpTopology.Exchange}",
            new { type = "topic", durable = true, auto_delete = false }, cancellationToken);
        // Bounded, so that a partner who stops reading cannot fill the broker: the oldest events go first.
        await SendAsync(HttpMethod.Put, $"queues/{VirtualHost}/{queue}", new
        {
            durable = true,
            auto_delete = false,
            arguments = new Dictionary<string, object>
            {
                ["x-max-length"] = options.Amqp.QueueMaxLength,
                ["x-message-ttl"] = (long)options.Amqp.MessageTimeToLive.TotalMilliseconds,
            },
        }, cancellationToken);
        foreach (var type in eventTypes)
        {
            await SendAsync(HttpMethod.Post, $"bindings/{VirtualHost}/e/{AmqpTopology.Exchange}/q/{queue}",
                new { routing_key = AmqpTopology.RoutingKey(institutionId, type) }, cancellationToken);
        }
        // The user last: it can log in only once its queue is complete.
        await SendAsync(HttpMethod.Put, $"users/{queue}", new { password, tags = "" }, cancellationToken);
        await SendAsync(HttpMethod.Put, $"permissions/{VirtualHost}/{queue}",
            new { configure = "^$", write = "^$", read = $"^{Regex.Escape(queue)}$" }, cancellationToken);
    }

    /// <summary>Deletes the user first (the broker closes its connections), then the queue; either may already be gone.</summary>
    public async Task RevokeAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        var queue = AmqpTopology.Queue(subscriptionId);
        await SendAsync(HttpMethod.Delete, $"users/{queue}", null, cancellationToken);
        await SendAsync(HttpMethod.Delete, $"queues/{VirtualHost}/{queue}", null, cancellationToken);
    }

    /// <summary>The client's address and credentials, from the connection string; null when it is not configured.</summary>
    public static (Uri Endpoint, AuthenticationHeaderValue Authorization)? Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var credentials = $"{parts["Username"]}:{parts["Password"]}";
        return (new Uri($"{((string)parts["Endpoint"]).TrimEnd('/')}/api/"),
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))));
    }

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        if (http.BaseAddress is null)
        {
            throw new HttpRequestException($"No broker management endpoint is configured (ConnectionStrings:{ConnectionName}).");
        }
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode && !(method == HttpMethod.Delete && response.StatusCode == HttpStatusCode.NotFound))
        {
            throw new HttpRequestException($"The broker's management API answered {(int)response.StatusCode} to {method} {path}.",
                null, response.StatusCode);
        }
    }
}
