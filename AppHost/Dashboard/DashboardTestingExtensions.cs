using System.Net;

namespace Haven.Hosting.Dashboard;

public static class DashboardTestingExtensions
{
    /// <summary>An HttpClient on the dashboard, logged in as a browser is (the token's URL sets the session cookie).</summary>
    public static async Task<HttpClient> CreateDashboardClientAsync(this DistributedApplication app, CancellationToken cancellationToken = default)
    {
        var dashboard = app.Options.Dashboard ?? throw new DistributedApplicationException("The dashboard is turned off.");
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = dashboard.BrowserUrl,
        };
        using var login = await client.GetAsync(dashboard.LoginUrl, cancellationToken);
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new DistributedApplicationException($"Logging in to the dashboard answered {(int)login.StatusCode}.");
        }
        return client;
    }
}
