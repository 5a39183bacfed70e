using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Haven.Contracts.Notifications;
using Haven.Messaging;
using Haven.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Haven.Benchmarks;

/// <summary>
/// The AppHost's whole graph, started as the whole-stack tests start it, and what the scenarios need around it: clients
/// that come from many addresses, a probe on the broker that sees every notification command, and the servers.
/// </summary>
public sealed class Stack : IAsyncDisposable
{
    // The gateway's per-institution limit (1,200 requests a minute by default) would make the gateway scenario measure the
    // limiter, not the proxy. The per-client limit of the anonymous routes stays as shipped: the burst exercises it.
    private const int PerInstitutionPerMinute = 1_000_000;

    private readonly TemporaryFolder _data;
    private readonly IBusControl _probe;

    private Stack(TemporaryFolder data, DistributedApplication app, IBusControl probe, NoticeProbe notices, Uri gateway, Uri intake)
    {
        _data = data;
        App = app;
        _probe = probe;
        Notices = notices;
        Gateway = gateway;
        Intake = intake;
    }

    public DistributedApplication App { get; }
    public Uri Gateway { get; }
    /// <summary>The intake service itself, as the gateway reaches it.</summary>
    public Uri Intake { get; }

    /// <summary>Every notification command the services send, seen on the broker.</summary>
    public NoticeProbe Notices { get; }

    public static async Task<Stack> StartAsync()
    {
        var data = new TemporaryFolder();
        try
        {
            var builder = await TestAppHost.CreateBuilderAsync(data.Directory, [], _ => { }, CancellationToken.None);
            // The services' own output (forwarded by Aspire) would bury the table; a failed start still throws.
            builder.Services.AddLogging(logging => logging.ClearProviders());
            builder.CreateResourceBuilder<ProjectResource>("gateway")
                .WithEnvironment("Gateway__PerInstitutionPerMinute", PerInstitutionPerMinute.ToString());
            var app = await TestAppHost.StartAsync(builder, CancellationToken.None);
            var notices = new NoticeProbe();
            var probe = await StartProbeAsync(app, notices);
            await probe.StartAsync();
            return new Stack(data, app, probe, notices, Loopback(app.GetEndpoint("gateway", "http")), app.GetEndpoint("intake", "http"));
        }
        catch
        {
            data.Dispose();
            throw;
        }

        static async Task<IBusControl> StartProbeAsync(DistributedApplication app, NoticeProbe notices)
        {
            var broker = (await app.GetConnectionStringAsync("messaging"))!;
            return Bus.Factory.CreateUsingRabbitMq(rabbit =>
            {
                rabbit.HostAt(broker);
                rabbit.ReceiveEndpoint($"bench-probe-{Guid.NewGuid():N}", endpoint =>
                {
                    endpoint.AutoDelete = true;
                    endpoint.Durable = false;
                    endpoint.PrefetchCount = 500;
                    endpoint.Handler<NotifyRecipients>(context => notices.Record(context.Message));
                });
            });
        }
    }

    // The gateway listens on localhost; 127.0.0.1 explicitly, so that a client can bind to another loopback address.
    private static Uri Loopback(Uri uri) => new UriBuilder(uri) { Host = "127.0.0.1" }.Uri;

    /// <summary>
    /// A client of the gateway that connects from its own loopback address (127.x.y.z), so that the gateway's per-client
    /// limits see it as a client of its own, as they would see one person's browser.
    /// </summary>
    public HttpClient ClientFrom(int client, string? token = null)
    {
        var source = new IPAddress([127, (byte)(1 + client / 65_000), (byte)(client / 250 % 250), (byte)(1 + client % 250)]);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var http = new HttpClient(handler) { BaseAddress = Gateway, Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }
        return http;
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync(string database)
    {
        var connection = new NpgsqlConnection((await App.GetConnectionStringAsync(database))!);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The server's connection string without a database, for the benches that create their own.</summary>
    public async Task<string> ServerAsync() => (await App.GetConnectionStringAsync("postgres"))!;

    public async Task<string> BrokerAsync() => (await App.GetConnectionStringAsync("messaging"))!;

    public async ValueTask DisposeAsync()
    {
        await _probe.StopAsync();
        await App.DisposeAsync();
        _data.Dispose();
    }
}

public sealed class NoticeProbe
{
    /// <summary>The first notification command of each case, as a stopwatch timestamp.</summary>
    public ConcurrentDictionary<Guid, long> FirstNotice { get; } = new();

    /// <summary>Individual notices (the private notice to the person a report is about), by subject digest.</summary>
    public ConcurrentDictionary<string, int> SubjectNotices { get; } = new();

    public Task Record(NotifyRecipients notice)
    {
        FirstNotice.TryAdd(notice.CaseId, Stopwatch.GetTimestamp());
        if (notice.ToSubject && notice.Kind == NotificationKind.IndividualNotice && notice.SubjectDigest is { } subject)
        {
            SubjectNotices.AddOrUpdate(subject, 1, (_, n) => n + 1);
        }
        return Task.CompletedTask;
    }
}
