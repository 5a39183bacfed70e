using System.Security.Claims;

namespace Haven.Identity;

/// <summary>The claims Haven reads from a token; an institution's identity provider is configured to issue them.</summary>
public static class HavenClaims
{
    public const string Subject = "sub";
    public const string Institution = "institution";
    public const string Roles = "roles";

    /// <summary>Added by Haven after validation, from the deployment's configuration (never from the token).</summary>
    public const string Network = "haven:network";

    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Subject) ?? throw new InvalidOperationException("The user has no subject claim.");

    public static string GetInstitutionId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Institution) ?? throw new InvalidOperationException("The user has no institution claim.");

    public static string? GetNetworkId(this ClaimsPrincipal user) => user.FindFirstValue(Network);

    public static bool HasRole(this ClaimsPrincipal user, string role) => user.HasClaim(Roles, role);
}
