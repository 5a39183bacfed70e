using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Haven.Platform.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class When_a_caller_reaches_the_gateway(PlatformFixture platform)
{
    [Theory]
    [InlineData("/api/intake/info")]
    [InlineData("/api/cases/info")]
    [InlineData("/api/audit/info")]
    public async Task Without_a_token_a_protected_route_answers_401(string path)
    {
        using var anonymous = platform.App.CreateHttpClient("gateway");

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_answers_401()
    {
        using var response = await GetWithToken("/api/intake/info", Token(signingKey: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rogue" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_answers_401()
    {
        using var response = await GetWithToken("/api/intake/info", Token(expires: DateTime.UtcNow.AddMinutes(-5)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_from_the_development_provider_is_accepted_through_the_gateway()
    {
        var identity = platform.App.Identity();
        using var anonymous = platform.App.CreateHttpClient("gateway");

        // What ./haven token does: the development grant, as the haven-cli client whose secret is in the data folder.
        using var issued = await anonymous.PostAsync("/identity/lakeside/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:haven:grant-type:development",
            ["client_id"] = "haven-cli",
            ["client_secret"] = (await File.ReadAllTextAsync(identity.CliSecretFile)).Trim(),
            ["user"] = "omar",
            ["roles"] = "operator",
        }));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var token = new JsonWebToken((await issued.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>());
        using var response = await GetWithToken("/api/cases/info", token.EncodedToken);

        Assert.Equal(identity.IssuerFor("lakeside"), token.Issuer);
        Assert.Equal(["haven"], token.Audiences);
        Assert.Equal("lakeside", token.GetClaim("institution").Value);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_development_grant_is_refused_without_the_clients_secret()
    {
        using var anonymous = platform.App.CreateHttpClient("gateway");

        using var issued = await anonymous.PostAsync("/identity/mercy/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:haven:grant-type:development",
            ["client_id"] = "haven-cli",
            ["client_secret"] = "guessed",
            ["user"] = "mallory",
            ["roles"] = "operator",
        }));

        // A failed client authentication is a 401, as OAuth 2.0 has it.
        Assert.Equal(HttpStatusCode.Unauthorized, issued.StatusCode);
        Assert.Equal("invalid_client", (await issued.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_for_another_audience_answers_401()
    {
        using var response = await GetWithToken("/api/intake/info", Token(audience: "another-application"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_from_an_issuer_no_institution_trusts_answers_401()
    {
        // The right key and claims, but an issuer nobody configured (a provider of its own, say, under the same gateway).
        using var response = await GetWithToken("/api/intake/info", Token(issuer: platform.App.Identity().IssuerFor("elsewhere")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_for_an_institution_its_issuer_does_not_serve_answers_401()
    {
        // Signed with the right key and issued by mercy's provider, but claiming to be lakeside's user.
        using var response = await GetWithToken("/api/intake/info", Token(institution: "lakeside"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_without_the_role_answers_403()
    {
        using var reporter = platform.App.CreateHttpClient("gateway", "mercy", "rita", "reporter");

        using var response = await reporter.GetAsync("/api/intake/info");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_token_with_no_Haven_role_is_refused_at_the_gateway()
    {
        using var response = await GetWithToken("/api/notifications/info", Token(roles: ["janitor"]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_answers_413()
    {
        using var anonymous = platform.App.CreateHttpClient("gateway");

        using var response = await anonymous.PostAsync("/api/intake/reports", new ByteArrayContent(new byte[2 * 1024 * 1024]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_anonymous_route_is_rate_limited_per_client_address_with_retry_after()
    {
        // A loopback address of its own, so that this client's budget is not shared with other tests.
        using var client = IntakeClients.Fresh(platform);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            using var response = await client.PostAsync("/api/intake/reports", new StringContent("{}"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
                break;
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(21, statuses.Count);
    }

    [Fact]
    public async Task The_web_app_names_its_reporters_addresses_with_its_key_and_a_client_without_the_key_cannot()
    {
        var key = await platform.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>()
            .Single(p => p.Name == "webapp-gateway-key").GetValueAsync(CancellationToken.None);
        using var client = IntakeClients.Fresh(platform);
        for (var i = 0; i < 20; i++)
        {
            using var spent = await client.PostAsync("/api/intake/reports", new StringContent("{}"));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, spent.StatusCode);
        }
        var reporter = $"203.0.113.{Random.Shared.Next(1, 255)}";

        // The web app's key: the reporter it names has a budget of its own. Any other key: the connection's address counts.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostNamingAsync(client, key, reporter));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostNamingAsync(client, "not-the-key", reporter));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostNamingAsync(client, null, reporter));
    }

    private static async Task<HttpStatusCode> PostNamingAsync(HttpClient client, string? key, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/reports") { Content = new StringContent("{}") };
        if (key is not null)
        {
            request.Headers.Add("X-Haven-WebApp-Key", key);
        }
        request.Headers.Add("X-Haven-Client-Address", address);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        using var response = await platform.Gateway.GetAsync("/api/intake/info");

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData(PlatformFixture.AllowedOrigin, true)]
    [InlineData("https://evil.test", false)]
    public async Task Only_configured_origins_pass_the_CORS_preflight(string origin, bool allowed)
    {
        using var anonymous = platform.App.CreateHttpClient("gateway");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/intake/info")
        {
            Headers = { { "Origin", origin }, { "Access-Control-Request-Method", "GET" }, { "Access-Control-Request-Headers", "authorization" } },
        };

        using var response = await anonymous.SendAsync(preflight);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) && origins.Contains(origin));
    }

    private async Task<HttpResponseMessage> GetWithToken(string path, string token)
    {
        using var client = platform.App.CreateHttpClient("gateway");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(path);
    }

    private string Token(SecurityKey? signingKey = null, DateTime? expires = null, string institution = "mercy", string[]? roles = null,
        string audience = "haven", string? issuer = null)
    {
        var identity = platform.App.Identity();
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? identity.IssuerFor("mercy"),
            Audience = audience,
            NotBefore = expiry.AddMinutes(-30),
            IssuedAt = expiry.AddMinutes(-30),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(signingKey ?? identity.SigningKey, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "mallory",
                ["institution"] = institution,
                ["roles"] = roles ?? ["operator"],
            },
        });
    }
}
