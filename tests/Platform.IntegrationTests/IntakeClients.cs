using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// Gateway clients for the intake tests. The submission and follow-up routes are rate limited per client address,
/// so each test speaks from a loopback address of its own and never spends another test's budget.
/// </summary>
internal static class IntakeClients
{
    private static int _fresh;

    public static HttpClient From(PlatformFixture platform, int lastOctet, string? bearerToken = null) =>
        FromAddress(platform, IPAddress.Parse($"127.0.1.{lastOctet}"), bearerToken);

    /// <summary>From an address no other client used, for a test that polls (each poll would spend the budget).</summary>
    public static HttpClient Fresh(PlatformFixture platform)
    {
        var n = Interlocked.Increment(ref _fresh);
        return FromAddress(platform, IPAddress.Parse($"127.0.{2 + n / 250}.{1 + n % 250}"), null);
    }

    private static HttpClient FromAddress(PlatformFixture platform, IPAddress source, string? bearerToken)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = platform.App.GetEndpoint("gateway") };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
        return client;
    }

    public static HttpRequestMessage FollowUp(string key, string secret) => new(HttpMethod.Get, "/api/intake/follow-up")
    {
        Headers = { Authorization = new AuthenticationHeaderValue("CaseKey", $"{key}:{secret}") },
    };
}
