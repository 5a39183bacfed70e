using System.Collections.Immutable;
using System.Security.Claims;
using Haven.DevIdentity.Extensions;
using Haven.DevIdentity.Pages;
using Haven.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Haven.DevIdentity.Apis;

/// <summary>The endpoints OpenIddict passes through to us once it has validated the request.</summary>
public static class AuthorizationApi
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapAuthorizationApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        // As a Delegate: a handler taking only HttpContext would otherwise be bound as a RequestDelegate and its result dropped.
        app.MapPost("/connect/token", (Delegate)Exchange);
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], EndSession);
        app.MapGet("/signin.css", () => TypedResults.Text(SignInPage.Stylesheet, "text/css"));
        return app;
    }

    /// <summary>
    /// No passwords and no session: the page lists the institution's people, and the person clicked is signed in for this
    /// one authorization request. Every sign-in shows the list again, so switching people needs no sign-out.
    /// </summary>
    public static Results<ContentHttpResult, SignInHttpResult> Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var institution = http.Institution();
        var chosen = (string?)request[DevelopmentGrant.PersonParameter];
        if (institution.People.FirstOrDefault(p => p.Id == chosen) is not { } person)
        {
            http.Response.Headers.ContentSecurityPolicy = SignInPage.ContentSecurityPolicy;
            return TypedResults.Content(SignInPage.Render(institution, request, http.Request.PathBase + http.Request.Path), "text/html; charset=utf-8");
        }
        var principal = Principal(institution, person.Id, person.Name, person.Roles, request.GetScopes());
        return TypedResults.SignIn(principal, authenticationScheme: Scheme);
    }

    public static async Task<Results<SignInHttpResult, ForbidHttpResult>> Exchange(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType())
        {
            // OpenIddict has already checked the code, its client, redirect URI and PKCE verifier.
            var code = await http.AuthenticateAsync(Scheme);
            return TypedResults.SignIn(code.Principal!, authenticationScheme: Scheme);
        }

        var institution = http.Institution();
        var user = ((string?)request[DevelopmentGrant.UserParameter])?.Trim();
        var roles = ((string?)request[DevelopmentGrant.RolesParameter] ?? "")
            .Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = roles.Where(role => !HavenRoles.All.Contains(role)).ToList();
        if (string.IsNullOrEmpty(user) || roles.Length == 0 || unknown.Count > 0)
        {
            return Refuse(unknown.Count > 0
                ? $"Unknown role(s) {string.Join(", ", unknown)}; the roles are: {string.Join(", ", HavenRoles.All)}."
                : $"Give '{DevelopmentGrant.UserParameter}' and '{DevelopmentGrant.RolesParameter}'.");
        }
        var name = institution.People.FirstOrDefault(p => p.Id == user)?.Name ?? user;
        var identity = Principal(institution, user, name, roles, []);
        if (int.TryParse((string?)request[DevelopmentGrant.MinutesParameter], out var minutes))
        {
            identity.SetAccessTokenLifetime(TimeSpan.FromMinutes(Math.Clamp(minutes, 1, 24 * 60)));
        }
        return TypedResults.SignIn(identity, authenticationScheme: Scheme);
    }

    public static SignOutHttpResult EndSession() =>
        // Nothing to end here (no session); OpenIddict sends the browser back to the validated post_logout_redirect_uri.
        TypedResults.SignOut(authenticationSchemes: [Scheme]);

    private static ClaimsPrincipal Principal(DemoInstitution institution, string subject, string name, IEnumerable<string> roles,
        ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(Scheme, HavenClaims.Subject, HavenClaims.Roles);
        identity.SetClaim(HavenClaims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaim(HavenClaims.Institution, institution.Id)
            .SetClaims(HavenClaims.Roles, [.. roles]);
        identity.SetAudiences(IdentityOptions.DefaultAudience);
        identity.SetScopes(scopes);
        // What services read goes into the access token; the WebApp's sign-in reads the same from the identity token.
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }

    private static ForbidHttpResult Refuse(string description) =>
        TypedResults.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidRequest,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [Scheme]);
}
