using System.Net;
using System.Net.Http.Headers;

namespace Haven.Dashboard.Tests;

public sealed class When_someone_without_the_token_calls(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Dashboard.BrowserUrl };

    [Theory]
    [InlineData("/api/resources")]
    [InlineData("/api/traces")]
    [InlineData("/api/console/postgres/stream")]
    public async Task The_API_answers_401(string path)
    {
        using var client = Anonymous();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/traces")]
    [InlineData("/login?t=0123456789abcdef0123456789abcdef")]
    public async Task A_page_answers_401_with_a_form_for_the_token(string path)
    {
        using var client = Anonymous();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("name=\"t\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_login_URL_sets_an_HttpOnly_SameSite_cookie_and_opens_the_resources()
    {
        using var client = Anonymous();

        using var response = await client.GetAsync(fixture.Dashboard.LoginUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fixture.Dashboard.BrowserToken, cookie);
    }

    [Theory]
    [InlineData("/traces?resource=intake", "/traces?resource=intake")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    public async Task The_login_URL_returns_to_a_page_of_the_dashboard_and_nowhere_else(string returnUrl, string expected)
    {
        using var client = Anonymous();

        using var response = await client.GetAsync($"{fixture.Dashboard.LoginUrl}&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Telemetry_without_the_API_key_is_refused_and_the_ports_do_not_mix()
    {
        using var otlp = new HttpClient { BaseAddress = fixture.Dashboard.OtlpEndpoint };
        using var withoutKey = await otlp.PostAsync("/v1/traces", Protobuf([]));
        using var pageOnOtlpPort = await otlp.GetAsync("/");
        using var telemetryOnBrowserPort = await fixture.Browser.PostAsync("/v1/traces", Protobuf([]));

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pageOnOtlpPort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, telemetryOnBrowserPort.StatusCode);
    }

    [Fact]
    public async Task Malformed_or_non_protobuf_telemetry_is_rejected()
    {
        using var otlp = new HttpClient { BaseAddress = fixture.Dashboard.OtlpEndpoint };
        otlp.DefaultRequestHeaders.Add(DashboardOptions.OtlpApiKeyHeader, fixture.Dashboard.OtlpApiKey);

        // Field 1, length-delimited, claiming 100 bytes where there are 2.
        using var truncated = await otlp.PostAsync("/v1/traces", Protobuf([0x0A, 100, 1, 2]));
        using var json = await otlp.PostAsync("/v1/logs", new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")));
        using var empty = await otlp.PostAsync("/v1/metrics", Protobuf([]));

        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
    }

    private static ByteArrayContent Protobuf(byte[] body) =>
        new(body) { Headers = { ContentType = MediaTypeHeaderValue.Parse("application/x-protobuf") } };
}
