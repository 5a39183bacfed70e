using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Haven.Identity;

public static class IdentityExtensions
{
    /// <summary>The scheme services and the gateway authenticate with; it forwards to the scheme of the token's issuer.</summary>
    public const string SchemeName = "Haven";
    private const string UntrustedIssuerScheme = "untrusted-issuer";

    private static readonly string[] SignedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256];

    /// <summary>
    /// Validates bearer tokens from the identity providers each institution trusts (section <c>Identity</c>),
    /// and registers Haven's authorization policies. Used by the gateway and by every service (defence in depth).
    /// </summary>
    public static IHostApplicationBuilder AddHavenIdentity(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityOptions.SectionName).Get<IdentityOptions>() ?? new IdentityOptions();
        var issuers = TrustedIssuer.From(options);
        var schemeByIssuer = issuers.ToDictionary(i => i.Issuer, i => i.SchemeName, StringComparer.Ordinal);

        var authentication = builder.Services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Haven bearer token", scheme =>
                scheme.ForwardDefaultSelector = context => SchemeFor(context.Request, schemeByIssuer));
        foreach (var issuer in issuers)
        {
            authentication.AddJwtBearer(issuer.SchemeName, bearer => Configure(bearer, issuer, options.Audience));
        }
        // Tokens from anyone else meet a scheme that knows no keys: 401, whatever they claim.
        authentication.AddJwtBearer(UntrustedIssuerScheme, bearer =>
        {
            bearer.MapInboundClaims = false;
            bearer.TokenValidationParameters = new TokenValidationParameters { ValidIssuers = [], IssuerSigningKeys = [] };
        });

        HavenPolicies.Add(builder.Services.AddAuthorizationBuilder());
        return builder;
    }

    private static string SchemeFor(HttpRequest request, IReadOnlyDictionary<string, string> schemeByIssuer)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return UntrustedIssuerScheme;
        }
        try
        {
            // Read unvalidated only to pick the issuer's scheme, which then validates everything.
            var issuer = new JsonWebToken(authorization["Bearer ".Length..].Trim()).Issuer;
            return schemeByIssuer.GetValueOrDefault(issuer, UntrustedIssuerScheme);
        }
        catch (ArgumentException)
        {
            return UntrustedIssuerScheme;
        }
    }

    private static void Configure(JwtBearerOptions bearer, TrustedIssuer issuer, string audience)
    {
        bearer.MapInboundClaims = false;
        if (issuer.MetadataAddress is { } metadata)
        {
            bearer.MetadataAddress = metadata;
            // Plain http only for a provider on this machine (development); anywhere else discovery must be https.
            bearer.RequireHttpsMetadata = !new Uri(metadata).IsLoopback;
        }
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = issuer.PinnedKeys.Count > 0 ? issuer.PinnedKeys : null,
            ValidAlgorithms = SignedAlgorithms,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = HavenClaims.Subject,
            RoleClaimType = HavenClaims.Roles,
        };
        bearer.Events = new JwtBearerEvents { OnTokenValidated = context => BindToInstitution(context, issuer) };
    }

    // A provider may only vouch for the institutions that trust it: mercy's provider cannot mint a token for lakeside.
    private static Task BindToInstitution(TokenValidatedContext context, TrustedIssuer issuer)
    {
        var identity = (ClaimsIdentity)context.Principal!.Identity!;
        var institution = identity.FindFirst(HavenClaims.Institution)?.Value;
        if (institution is null || !issuer.NetworkByInstitution.TryGetValue(institution, out var network))
        {
            context.Fail("The token's institution does not trust the token's issuer.");
            return Task.CompletedTask;
        }
        foreach (var forged in identity.FindAll(HavenClaims.Network).ToList())
        {
            identity.RemoveClaim(forged);
        }
        if (network is not null)
        {
            identity.AddClaim(new Claim(HavenClaims.Network, network));
        }
        return Task.CompletedTask;
    }
}
