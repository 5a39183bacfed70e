using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Haven.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Haven.DevIdentity.Extensions;

public static class Extensions
{
    public const string WebAppClientId = "haven-webapp";
    public const string CliClientId = "haven-cli";

    /// <summary>
    /// OpenIddict's server in degraded mode: no database, the two clients checked here from configuration, authorization
    /// codes self-contained (encrypted with a key that lives as long as the process). Honest for a development provider;
    /// a deployment trusts its institutions' own providers instead.
    /// </summary>
    public static void AddDevIdentity(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DevIdentityOptions.SectionName);
        var options = section.Get<DevIdentityOptions>() ?? new DevIdentityOptions();
        builder.Services.Configure<DevIdentityOptions>(section);
        var institutions = JsonSerializer.Deserialize<List<DemoInstitution>>(options.Directory, JsonSerializerOptions.Web) ?? [];
        builder.Services.AddSingleton<IReadOnlyList<DemoInstitution>>(institutions);
        var cliSecret = File.Exists(options.CliSecretFile) ? File.ReadAllText(options.CliSecretFile).Trim() : null;

        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/endsession");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            // S256 only: a "plain" challenge is the verifier itself, and protects nothing once the request is seen.
            server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
            server.AllowCustomFlow(DevelopmentGrant.Type);
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            server.RegisterClaims(HavenClaims.Subject, HavenClaims.Institution, HavenClaims.Roles, Claims.Name);

            server.AddSigningKey(LoadSigningKey(options.SigningKeyFile));
            server.AddEphemeralEncryptionKey();
            // Services read the access token themselves (JwtBearer): a signed JWT, not an encrypted one.
            server.DisableAccessTokenEncryption();
            server.SetAccessTokenLifetime(TimeSpan.FromHours(8));

            server.EnableDegradedMode();
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != WebAppClientId)
                {
                    context.Reject(Errors.InvalidClient, "Only the Haven WebApp signs in here.");
                }
                else if (!options.WebAppRedirectUris.Contains(context.RedirectUri, StringComparer.Ordinal))
                {
                    context.Reject(Errors.InvalidRequest, "The redirect_uri is not one of the WebApp's.");
                }
                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Request.IsAuthorizationCodeGrantType() && context.ClientId == WebAppClientId)
                {
                    // A public client: PKCE, which OpenIddict checks against the code, stands in for a secret.
                    return default;
                }
                if (context.Request.GrantType == DevelopmentGrant.Type && context.ClientId == CliClientId && cliSecret is not null
                    && context.Request.ClientSecret is { } secret
                    && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(cliSecret)))
                {
                    return default;
                }
                context.Reject(Errors.InvalidClient, "Unknown client, wrong secret, or a grant this client may not use.");
                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && !options.WebAppPostLogoutRedirectUris.Contains(uri, StringComparer.Ordinal))
                {
                    context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not one of the WebApp's.");
                }
                return default;
            }));

            server.UseAspNetCore()
                // Plain http on loopback only: the gateway here has no certificate (see the README).
                .DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();
        });
    }

    /// <summary>
    /// Every request is seen at the provider's public address, whoever sent it (the gateway, a test, a service fetching the
    /// discovery document): the issuer and every URL OpenIddict publishes come from the request, and must not depend on
    /// which door it came through. The institution is the first segment after <c>/identity</c>; it becomes part of the
    /// path base, so each institution is an issuer of its own (<c>/identity/mercy</c>), as each has its own provider in a
    /// deployment, and one institution's tokens never pass for another's.
    /// </summary>
    public static WebApplication UseInstitutionIssuers(this WebApplication app)
    {
        var origin = new Uri(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DevIdentityOptions>>().Value.PublicOrigin);
        var institutions = app.Services.GetRequiredService<IReadOnlyList<DemoInstitution>>();
        app.UsePathBase("/identity");
        app.Use((context, next) =>
        {
            var segments = context.Request.Path.Value?.Split('/', 3, StringSplitOptions.None) ?? [];
            if (segments is ["", var id, ..] && institutions.FirstOrDefault(i => i.Id == id) is { } institution)
            {
                context.Request.Scheme = origin.Scheme;
                context.Request.Host = new HostString(origin.Authority);
                context.Request.PathBase = context.Request.PathBase.Add($"/{id}");
                context.Request.Path = segments.Length > 2 ? $"/{segments[2]}" : "/";
                context.Items[typeof(DemoInstitution)] = institution;
            }
            return next(context);
        });
        app.UseRouting();
        app.UseAuthentication();
        return app;
    }

    public static DemoInstitution Institution(this HttpContext context) =>
        context.Items[typeof(DemoInstitution)] as DemoInstitution
        ?? throw new InvalidOperationException("Reached without an institution in the path.");

    private static RsaSecurityKey LoadSigningKey(string file)
    {
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"DevIdentity:SigningKeyFile '{file}' does not exist. The AppHost creates it in its data folder (./haven run).");
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(file));
        var key = new RsaSecurityKey(rsa);
        // The same key id the AppHost gives the key, so that a token it signs for a test names the key this provider publishes.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
