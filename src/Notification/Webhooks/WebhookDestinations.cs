using System.Net;
using System.Net.Sockets;

namespace Haven.Notification.Webhooks;

/// <summary>
/// Where a webhook may be delivered: only to public addresses, so that an institution admin cannot point Haven's
/// delivery worker at the machine itself, the cloud's metadata service or the institution's internal network (server-side
/// request forgery). Checked twice: a subscription naming such an address is refused, and every connection is checked
/// after its name is resolved, so a name that resolves (or later re-resolves) inward is refused too.
/// </summary>
public static class WebhookDestinations
{
    public const string Refused = "A public destination: not loopback, link-local, private, shared (CGNAT), multicast or unspecified.";

    public delegate Task<IPAddress[]> Resolver(string host, CancellationToken cancellationToken);

    /// <summary>True for addresses on the public internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224 // "this network", private, loopback, multicast and reserved (incl. broadcast)
                || (b[0] == 100 && b[1] is >= 64 and <= 127) // shared address space (CGNAT), 100.64/10
                || (b[0] == 169 && b[1] == 254) // link-local, where cloud metadata services answer
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168));
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc // unique local, fc00::/7
                // NAT64 (64:ff9b::/96) reaches the IPv4 address it embeds.
                || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0
                    && !IsPublic(new IPAddress(b.AsSpan(12, 4)))));
        }
        return false;
    }

    /// <summary>A URL whose host is itself an inward destination (a literal address, or localhost).</summary>
    public static bool NamesInwardHost(Uri url) =>
        IPAddress.TryParse(url.Host.Trim('[', ']'), out var address)
            ? !IsPublic(address)
            : url.IsLoopback || url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || url.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host itself and connects only to its public
    /// addresses; with none, the request fails as a connection failure would.
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(Resolver resolve) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = (await resolve(host, cancellationToken)).Where(IsPublic).ToArray();
            if (addresses.Length == 0)
            {
                throw new HttpRequestException($"Refused to connect to {host}: it does not resolve to a public address.");
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    /// <summary>The delivery client's handler: outside development, every connection goes through <see cref="ConnectCallback"/>.</summary>
    public static SocketsHttpHandler Handler(bool allowPrivateDestinations) => new()
    {
        // A proxy would resolve and connect on our behalf, past the check.
        UseProxy = false,
        ConnectCallback = allowPrivateDestinations ? null : ConnectCallback(Dns.GetHostAddressesAsync),
    };
}
