using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Haven.Hosting.Dashboard.Pages;

/// <summary>
/// Aspire's dashboard routes, each a plain HTML shell that one script fills from the JSON API. Everything is served
/// from here (no CDN), and the Content-Security-Policy allows nothing but this origin.
/// </summary>
internal static class DashboardPages
{
    private const string Html = "text/html; charset=utf-8";

    private static readonly (string Path, string Label)[] Navigation =
    [
        ("/", "Resources"),
        ("/consolelogs", "Console"),
        ("/structuredlogs", "Structured logs"),
        ("/traces", "Traces"),
        ("/metrics", "Metrics"),
    ];

    public static IEndpointRouteBuilder MapDashboardPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            return await next(context);
        });
        pages.MapGet("/", () => Page("Resources", "resources"));
        pages.MapGet("/consolelogs", () => Page("Console logs", "console"));
        pages.MapGet("/consolelogs/resource/{instance}", () => Page("Console logs", "console"));
        pages.MapGet("/structuredlogs", () => Page("Structured logs", "logs"));
        pages.MapGet("/traces", () => Page("Traces", "traces"));
        pages.MapGet("/traces/detail/{traceId}", () => Page("Trace", "trace"));
        pages.MapGet("/metrics", () => Page("Metrics", "metrics"));
        pages.MapGet("/static/dashboard.css", () => TypedResults.Content(DashboardStyles.Css, "text/css; charset=utf-8"));
        pages.MapGet("/static/dashboard.js", () => TypedResults.Content(DashboardScript.Js, "text/javascript; charset=utf-8"));
        return endpoints;
    }

    /// <summary>What a browser without the session cookie sees: a form for the token printed at start-up.</summary>
    public static string Login(bool rejected, string returnUrl) => Layout("Log in", "login", $"""
        <form class="login" method="get" action="{DashboardAccess.LoginPath}">
          <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
          <p>{(rejected ? "That token is not this run's. " : "")}Open the dashboard URL the AppHost printed at start-up,
          or paste the token from it (the part after <code>?t=</code>).</p>
          <label>Token <input name="t" autocomplete="off" autofocus required></label>
          <button type="submit">Log in</button>
        </form>
        """, navigation: false);

    private static ContentHttpResult Page(string title, string page) => TypedResults.Content(Layout(title, page, """
        <p id="status" class="muted">Loading…</p>
        <noscript><p>This page is drawn by a script the AppHost serves (nothing comes from the network); turn JavaScript on.</p></noscript>
        <div id="content"></div>
        """, navigation: true), Html);

    // Titles and page names are constants of this class; the one value from a request (returnUrl) is encoded above.
    private static string Layout(string title, string page, string body, bool navigation) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{title} · Haven</title>
          <link rel="stylesheet" href="/static/dashboard.css">
        </head>
        <body data-page="{page}">
          <header>
            <span class="brand">Haven</span>
            {(navigation ? $"<nav>{string.Concat(Navigation.Select(n => $"<a href=\"{n.Path}\">{n.Label}</a>"))}</nav>" : "")}
          </header>
          <main>
            <h1>{title}</h1>
            {body}
          </main>
          {(navigation ? "<script src=\"/static/dashboard.js\"></script>" : "")}
        </body>
        </html>
        """;
}
