namespace Haven.WebApp.Services;

/// <summary>
/// Names the browser's address on every call to the gateway, with the key the gateway knows this app by: the gateway then
/// counts an anonymous reporter's calls against their own address rather than against this app's, which every reporter shares.
/// Without a key (configuration <c>WebApp:GatewayKey</c>) nothing is added.
/// </summary>
public sealed class ClientAddressHandler(IHttpContextAccessor http, IConfiguration configuration) : DelegatingHandler
{
    private readonly string? _key = configuration["WebApp:GatewayKey"];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_key is { Length: > 0 } && http.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            request.Headers.Add("X-Haven-WebApp-Key", _key);
            request.Headers.Add("X-Haven-Client-Address", address.ToString());
        }
        return base.SendAsync(request, cancellationToken);
    }
}
