using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Haven.Messaging.Tests;

/// <summary>
/// One PostgreSQL server and one RabbitMQ broker for the whole assembly (started once, through the AppHost's testing
/// builder); each test gets its own database and, through its own service name, its own queues.
/// </summary>
public sealed class MessagingInfrastructure : IAsyncLifetime
{
    private DistributedApplication? _app;
    private HttpClient? _management;

    public string ServerConnectionString { get; private set; } = "";
    public string Broker { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.CreateEmpty();
        builder.Builder.AddPostgres("postgres");
        builder.Builder.AddRabbitMQ("messaging").WithManagementPlugin();
        _app = await builder.BuildAsync();
        await _app.StartAsync();

        ServerConnectionString = _app.GetConnectionString("postgres")!;
        Broker = _app.GetConnectionString("messaging")!;
        var rabbit = _app.Resources.OfType<RabbitMQServerResource>().Single();
        _management = new HttpClient { BaseAddress = new Uri(rabbit.ManagementUrl!) };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{rabbit.UserName.Value}:{rabbit.Password.Value}")));
    }

    /// <summary>A connection string to a database of its own (created by the service's migrations on start).</summary>
    public string NewDatabase() =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = $"t_{Guid.NewGuid():N}" }.ConnectionString;

    /// <summary>
    /// The headers of the messages waiting in a queue (none if it does not exist), read from the queue itself and
    /// put back, not from the management plugin's statistics, which lag by seconds.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> Peek(string queue, int count = 100)
    {
        using var response = await _management!.PostAsJsonAsync($"api/queues/%2F/{Uri.EscapeDataString(queue)}/get",
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
        _management?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingInfrastructure>
{
    public const string Name = "messaging";
}
