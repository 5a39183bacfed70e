using Microsoft.AspNetCore.Authorization;

namespace Haven.WebApp.Extensions;

/// <summary>The staff pages' policies, by the same roles and names as the services' own (Haven.Identity's HavenPolicies).</summary>
public static class WebAppPolicies
{
    public const string RolesClaim = "roles";
    public const string InstitutionClaim = "institution";

    public const string CaseStaff = "case-staff";
    public const string InstitutionAdmin = "institution-admin";
    public const string Auditor = "auditor";
    public const string PeerSupport = "peer-support";
    public const string NetworkLead = "network-lead";

    public static AuthorizationBuilder AddWebAppPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(CaseStaff, Roles("case-manager", "institution-admin"))
        .AddPolicy(InstitutionAdmin, Roles("institution-admin"))
        .AddPolicy(Auditor, Roles("auditor"))
        .AddPolicy(PeerSupport, Roles("peer-supporter", "network-lead"))
        .AddPolicy(NetworkLead, Roles("network-lead"));

    // The roles as the provider's "roles" claim or as role claims, whichever way the sign-in maps them.
    private static AuthorizationPolicy Roles(params string[] roles) => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireClaim(InstitutionClaim)
        .RequireAssertion(context => roles.Any(role => context.User.HasClaim(RolesClaim, role) || context.User.IsInRole(role)))
        .Build();
}
