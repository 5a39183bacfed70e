using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Haven.Gateway.Security;

/// <summary>
/// The web application calls the anonymous routes for every reporter who uses it: counted by its own address, all of
/// them would share one client's budget, and one busy reporter would lock the others out. It names the browser's address
/// instead, with a key that only it and the gateway hold. Without the right key the address is ignored, and like every
/// <c>X-Haven-</c> header both are removed before anything else reads them.
/// </summary>
public sealed class WebAppClientAddress(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public const string KeyHeader = "X-Haven-WebApp-Key";
    public const string AddressHeader = "X-Haven-Client-Address";

    private readonly byte[]? _key = options.Value.WebAppKey is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (_key is not null && headers[KeyHeader].ToString() is { Length: > 0 } key
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), _key)
            && IPAddress.TryParse(headers[AddressHeader].ToString(), out var address))
        {
            context.Connection.RemoteIpAddress = address;
        }
        return next(context);
    }
}
