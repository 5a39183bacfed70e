using Haven.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Haven.WebApp.Extensions;

/// <summary>
/// How staff sign in: OpenID Connect (authorization code + PKCE) against their institution's own provider, one scheme per
/// institution of the deployment's <c>Identity</c> section (its issuer and discovery document, the ones the services
/// trust), then a cookie. The tokens are saved in the cookie, so the API clients forward the signed-in user's access token
/// (<c>HttpContext.GetTokenAsync("access_token")</c>, see <see cref="Services.AccessTokenHandler"/>). The staff pages carry
/// <c>[Authorize(Policy = ...)]</c> with the policies of <see cref="WebAppPolicies"/>, which read the <c>roles</c> and
/// <c>institution</c> claims. The reporter's pages need no account.
/// </summary>
public static class AuthenticationExtensions
{
    public const string SignInPath = "/sign-in";
    public const string SignOutPath = "/sign-out";
    public const string ClientId = "haven-webapp";

    public static string SchemeFor(string institution) => $"oidc-{institution}";

    public static void AddAuthenticationServices(this IHostApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection(IdentityOptions.SectionName).Get<IdentityOptions>() ?? new IdentityOptions();
        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = SignInPath;
                options.Cookie.Name = "haven.session";
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.HttpOnly = true;
                // A working day, as the provider's access token; then the person signs in again.
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = false;
            });
        foreach (var (institution, settings) in identity.Institutions)
        {
            if (settings.Issuers.FirstOrDefault(i => i.MetadataAddress is not null) is not { } issuer)
            {
                continue;
            }
            authentication.AddOpenIdConnect(SchemeFor(institution), institution, options =>
            {
                options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.Authority = issuer.Issuer;
                options.MetadataAddress = issuer.MetadataAddress;
                // Plain http only for a provider on this machine (development), as the services' own rule.
                options.RequireHttpsMetadata = !new Uri(issuer.MetadataAddress!).IsLoopback;
                options.ClientId = builder.Configuration[$"WebApp:SignIn:{institution}:ClientId"] ?? ClientId;
                options.ClientSecret = builder.Configuration[$"WebApp:SignIn:{institution}:ClientSecret"];
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                // The code comes back in the query of a top-level GET: same-site for the browser, no auto-posting page.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = HavenClaims.Roles;
                // The browser sees only the gateway: these paths are on its address (forwarded headers give the host).
                options.CallbackPath = $"/signin-oidc-{institution}";
                options.SignedOutCallbackPath = $"/signout-callback-oidc-{institution}";
                options.SignedOutRedirectUri = "/";
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.Events.OnTokenValidated = context =>
                {
                    // As the services do: a provider vouches only for its own institution.
                    if (context.Principal?.FindFirst(HavenClaims.Institution)?.Value != institution)
                    {
                        context.Fail($"The identity token does not belong to {institution}.");
                    }
                    return Task.CompletedTask;
                };
            });
        }
        builder.Services.AddAuthorizationBuilder().AddWebAppPolicies();
        builder.Services.AddCascadingAuthenticationState();
    }

    public static IEndpointRouteBuilder MapAuthenticationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The sign-in page links here, one link per institution.
        endpoints.MapGet($"{SignInPath}/{{institution}}", async (string institution, string? returnUrl, HttpContext http,
            IAuthenticationSchemeProvider schemes) =>
            await schemes.GetSchemeAsync(SchemeFor(institution)) is null
                ? Results.NotFound()
                : Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [SchemeFor(institution)]));

        // Ends the cookie here and the session at the provider, which sends the browser back to the home page.
        endpoints.MapPost(SignOutPath, async (HttpContext http, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            var institution = http.User.FindFirst(HavenClaims.Institution)?.Value;
            string[] schemes = institution is null
                ? [CookieAuthenticationDefaults.AuthenticationScheme]
                : [CookieAuthenticationDefaults.AuthenticationScheme, SchemeFor(institution)];
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, schemes);
        });
        return endpoints;
    }

    // Never an open redirect: only a path of this site.
    private static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
