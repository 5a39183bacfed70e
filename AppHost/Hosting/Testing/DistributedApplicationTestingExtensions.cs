using System.Net.Http.Headers;

namespace Haven.Hosting;

public static class DistributedApplicationTestingExtensions
{
    /// <summary>An HttpClient for a project's first http endpoint (its first replica).</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName) =>
        new() { BaseAddress = app.GetEndpoint(resourceName) };

    /// <summary>An HttpClient that calls as a user of an institution, with a token from the development identity provider.</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName,
        string institution, string user, params string[] roles)
    {
        var client = app.CreateHttpClient(resourceName);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.CreateToken(institution, user, roles));
        return client;
    }

    public static string CreateToken(this DistributedApplication app, string institution, string user, params string[] roles) =>
        app.Resources.OfType<DevelopmentIdentityResource>().Single().CreateToken(institution, user, roles);

    public static ValueTask<string?> GetConnectionStringAsync(this DistributedApplication app, string resourceName) =>
        ValueTask.FromResult(app.GetConnectionString(resourceName));
}
