using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Haven.Dashboard.Tests;

/// <summary>An AppHost with an empty graph: only the dashboard runs, so telemetry comes from the test alone.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public DistributedApplication App { get; private set; } = null!;

    public DashboardOptions Dashboard => App.Options.Dashboard!;

    /// <summary>Logged in, as a browser after opening the printed URL.</summary>
    public HttpClient Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await DistributedApplicationTestingBuilder.CreateEmpty().BuildAsync();
        await App.StartAsync();
        Browser = await App.CreateDashboardClientAsync();
    }

    public async Task<T> GetAsync<T>(string path) => (await Browser.GetFromJsonAsync<T>(path, Json))!;

    public async Task DisposeAsync()
    {
        Browser.Dispose();
        await App.DisposeAsync();
    }
}
