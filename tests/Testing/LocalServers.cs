using System.Net.Http.Headers;
using System.Text;

namespace Haven.Testing;

/// <summary>
/// Just PostgreSQL and RabbitMQ, as the AppHost runs them, for tests and benchmarks of the building blocks under the
/// services: a temporary data folder, random ports, and nothing left running once disposed.
/// </summary>
public sealed class LocalServers : IAsyncDisposable
{
    private readonly DirectoryInfo _data;
    private readonly DistributedApplication _app;

    private LocalServers(DirectoryInfo data, DistributedApplication app, string postgres, string broker, HttpClient management)
    {
        _data = data;
        _app = app;
        Postgres = postgres;
        Broker = broker;
        Management = management;
    }

    /// <summary>The server's connection string, without a database.</summary>
    public string Postgres { get; }

    /// <summary>The broker's amqp:// URI, with its credentials.</summary>
    public string Broker { get; }

    /// <summary>RabbitMQ's management API, signed in.</summary>
    public HttpClient Management { get; }

    public static async Task<LocalServers> StartAsync(CancellationToken cancellationToken = default)
    {
        var data = Directory.CreateTempSubdirectory("haven-servers-");
        // Aspire's own builder, told that the AppHost's assembly is the application: that assembly names the orchestrator (DCP)
        // Aspire runs. (The testing builder looks for it on the call stack, where this library is not it.)
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [.. TestAppHost.Arguments(data), "--DcpPublisher:WaitForResourceCleanup=true"],
            AssemblyName = typeof(LocalData).Assembly.GetName().Name,
            DisableDashboard = true,
            AllowUnsecuredTransport = true,
        });
        if (!LocalData.TryOpen(builder, out var local))
        {
            throw new InvalidOperationException($"{data.FullName} is in use.");
        }
        var postgres = builder.AddPostgresServer("postgres", local);
        var messaging = builder.AddMessageBroker("messaging", local);
        var app = builder.Build();
        await app.StartAsync(cancellationToken);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(postgres.Resource.Name, cancellationToken);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(messaging.Resource.Name, cancellationToken);

        var broker = (LocalRabbitMQResource)messaging.Resource;
        var management = new HttpClient { BaseAddress = new Uri(broker.Management.Url) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{await broker.UserName.GetValueAsync(cancellationToken)}:{await broker.Password.GetValueAsync(cancellationToken)}")));
        return new LocalServers(data, app,
            (await postgres.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken))!,
            (await broker.ConnectionStringExpression.GetValueAsync(cancellationToken))!,
            management);
    }

    public async ValueTask DisposeAsync()
    {
        Management.Dispose();
        await _app.DisposeAsync();
        _data.Delete(recursive: true);
    }
}
