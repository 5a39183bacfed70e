using Microsoft.AspNetCore.Authentication.Cookies;

namespace Haven.WebApp.Extensions;

/// <summary>
/// How staff sign in. The reporter's pages need no account; the staff pages carry <c>[Authorize(Policy = ...)]</c> with the
/// policies of <see cref="WebAppPolicies"/>, which read the principal's <c>roles</c> and <c>institution</c> claims.
/// The API clients forward the signed-in user's access token (<c>HttpContext.GetTokenAsync("access_token")</c>, see
/// <see cref="Services.AccessTokenHandler"/>), so the sign-in must save its tokens in the cookie.
/// </summary>
public static class AuthenticationExtensions
{
    public const string SignInPath = "/sign-in";

    public static void AddAuthenticationServices(this IHostApplicationBuilder builder)
    {
        // Until OpenID Connect is wired here, the cookie alone: a staff page sends a visitor to the sign-in page.
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = SignInPath;
                options.Cookie.Name = "haven.session";
                options.Cookie.SameSite = SameSiteMode.Lax;
            });
        builder.Services.AddAuthorizationBuilder().AddWebAppPolicies();
        builder.Services.AddCascadingAuthenticationState();
    }

    public static IEndpointRouteBuilder MapAuthenticationEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
