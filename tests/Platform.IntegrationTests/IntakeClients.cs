using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// Gateway clients for the intake tests. The submission and follow-up routes are rate limited per client address,
/// so each client speaks from a loopback address of its own and never spends another test's budget.
/// </summary>
internal static class IntakeClients
{
    private static int _fresh;

    /// <summary>
    /// A client speaking from a loopback address no other client used (127.0.2.1 onwards). Fixed addresses per test were
    /// shared by mistake once, and the rate-limit test then spent another test's budget.
    /// </summary>
    public static HttpClient Fresh(PlatformFixture platform, string? bearerToken = null)
    {
        var n = Interlocked.Increment(ref _fresh);
        return FromAddress(platform, IPAddress.Parse($"127.0.{2 + n / 250}.{1 + n % 250}"), bearerToken);
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

    public static HttpRequestMessage FollowUp(string key, string secret) => WithCaseKey(HttpMethod.Get, "/api/intake/follow-up", key, secret);

    public static HttpRequestMessage WithCaseKey(HttpMethod method, string path, string key, string secret) => new(method, path)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("CaseKey", $"{key}:{secret}") },
    };
}
