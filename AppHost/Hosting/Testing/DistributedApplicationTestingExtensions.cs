namespace Haven.Hosting;

public static class DistributedApplicationTestingExtensions
{
    /// <summary>An HttpClient for a project's first http endpoint (its first replica).</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName) =>
        new() { BaseAddress = app.GetEndpoint(resourceName) };

    public static ValueTask<string?> GetConnectionStringAsync(this DistributedApplication app, string resourceName) =>
        ValueTask.FromResult(app.GetConnectionString(resourceName));
}
