namespace Haven.Gateway.Security;

// The gateway serves sensitive data: nothing may be framed, sniffed or leak a referrer. An API answer may load nothing at
// all and is never cached; a page behind the gateway (the web application, the development sign-in page) sends the content
// policy and caching it needs, which are kept; the gateway's own page, the development reference UI, may run its own scripts
// and styles and fetch the documents.
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    private const string ReferencePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var api = context.Request.Path.StartsWithSegments("/api");
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            if (context.Request.Path.StartsWithSegments(ApiDocs.ApiDocumentsApi.ReferencePath))
            {
                headers.ContentSecurityPolicy = ReferencePolicy;
            }
            else if (api || string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = ApiPolicy;
            }
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (api || !headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
