using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Haven.AppHost.Resources;

internal static class TcpHealthChecks
{
    /// <summary>
    /// Registers a check that the server on the port speaks: it connects, sends <paramref name="send"/>, and expects the
    /// answer to begin with <paramref name="expect"/>. An accepted connection alone proves little: the orchestrator's proxy
    /// accepts one before the process behind it listens.
    /// </summary>
    public static string Add(IDistributedApplicationBuilder builder, string name, Func<int> port, byte[] send, byte[] expect)
    {
        builder.Services.AddHealthChecks().AddAsyncCheck(name, async cancellationToken =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port(), timeout.Token);
                var stream = client.GetStream();
                await stream.WriteAsync(send, timeout.Token);
                var answer = new byte[expect.Length];
                var read = await stream.ReadAtLeastAsync(answer, expect.Length, throwOnEndOfStream: false, timeout.Token);
                return answer.AsSpan(0, read).SequenceEqual(expect) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("an unexpected answer");
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy(e.Message);
            }
        });
        return name;
    }
}
