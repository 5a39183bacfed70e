using System.Net.Http.Json;
using System.Text.Json;
using Haven.Testing;
using Npgsql;

namespace Haven.Messaging.Tests;

/// <summary>
/// One PostgreSQL server and one RabbitMQ broker for the whole assembly (started once, as the AppHost runs them);
/// each test gets its own database and, through its own service name, its own queues.
/// </summary>
public sealed class MessagingInfrastructure : IAsyncLifetime
{
    private LocalServers? _servers;

    private LocalServers Servers => _servers ?? throw new InvalidOperationException("Not started.");

    public string ServerConnectionString => Servers.Postgres;

    public string Broker => Servers.Broker;

    public async Task InitializeAsync() => _servers = await LocalServers.StartAsync();

    /// <summary>A connection string to a database of its own (created by the service's migrations on start).</summary>
    public string NewDatabase() =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = $"t_{Guid.NewGuid():N}" }.ConnectionString;

    /// <summary>
    /// The headers of the messages waiting in a queue (none if it does not exist), read from the queue itself and
    /// put back, not from the management plugin's statistics, which lag by seconds.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> Peek(string queue, int count = 100)
    {
        using var response = await Servers.Management.PostAsJsonAsync($"api/queues/%2F/{Uri.EscapeDataString(queue)}/get",
            new { count, ackmode = "ack_requeue_true", encoding = "auto" });
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. messages.EnumerateArray().Select(m => m.GetProperty("properties").GetProperty("headers"))];
    }

    public async Task DisposeAsync()
    {
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingInfrastructure>
{
    public const string Name = "messaging";
}
