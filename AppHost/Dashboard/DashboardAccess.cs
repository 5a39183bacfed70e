using System.Security.Cryptography;
using System.Text;
using Haven.Hosting.Dashboard.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Haven.Hosting.Dashboard;

/// <summary>
/// Who may use which port. Browsers log in once with the token printed at start-up and then carry an HttpOnly
/// cookie; services post telemetry to the OTLP port with the API key the AppHost gave them. Nothing else passes.
/// </summary>
internal sealed class DashboardAccess(DashboardOptions options)
{
    public const string CookieName = "haven-dashboard";
    public const string LoginPath = "/login";

    // The cookie carries a secret of its own, so that the token itself never sits in the browser's cookie jar.
    private readonly string _session = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var otlp = context.Connection.LocalPort == options.OtlpPort;
        if (otlp != request.Path.StartsWithSegments("/v1"))
        {
            // Telemetry goes to the OTLP port only, and pages to the browser port only.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var allowed = otlp
            ? Matches(request.Headers[DashboardOptions.OtlpApiKeyHeader], options.OtlpApiKey)
            : request.Path == LoginPath || request.Path.StartsWithSegments("/static") || Matches(request.Cookies[CookieName], _session);
        if (allowed)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (!otlp && !request.Path.StartsWithSegments("/api"))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(DashboardPages.Login(rejected: false, request.Path + request.QueryString), context.RequestAborted);
        }
    }

    /// <summary>
    /// <c>/login?t=TOKEN[&amp;returnUrl=/traces]</c>: sets the session cookie and opens the dashboard (or the page asked for
    /// before logging in); a wrong token gets the form again.
    /// </summary>
    public Results<RedirectHttpResult, ContentHttpResult> Login(HttpContext context, string? t, string? returnUrl)
    {
        // Only a path of this site, never another host ("//evil" and "/\evil" are hosts to a browser).
        var target = returnUrl is ['/', not ('/' or '\\'), ..] or "/" ? returnUrl : "/";
        if (!Matches(t, options.BrowserToken))
        {
            return TypedResults.Content(DashboardPages.Login(rejected: t is not null, target), "text/html; charset=utf-8",
                statusCode: StatusCodes.Status401Unauthorized);
        }
        context.Response.Cookies.Append(CookieName, _session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        return TypedResults.LocalRedirect(target);
    }

    private static bool Matches(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
