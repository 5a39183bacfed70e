using Microsoft.Extensions.Options;

namespace Haven.Gateway.Security;

// A service must never be able to mistake a client's header for something the gateway asserted.
public sealed class IdentityHeaderStripper(RequestDelegate next, IOptions<GatewayOptions> options)
{
    private readonly HashSet<string> _stripped = new(options.Value.StrippedHeaders, StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        foreach (var name in headers.Keys.Where(IsIdentityHeader).ToList())
        {
            headers.Remove(name);
        }
        return next(context);
    }

    private bool IsIdentityHeader(string name) =>
        _stripped.Contains(name) || name.StartsWith(GatewayOptions.ReservedHeaderPrefix, StringComparison.OrdinalIgnoreCase);
}
