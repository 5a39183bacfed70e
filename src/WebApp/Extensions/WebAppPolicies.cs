using Haven.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Haven.WebApp.Extensions;

/// <summary>The staff pages' policies, by the same roles and names as the services' own (Haven.Identity's HavenPolicies).</summary>
public static class WebAppPolicies
{
    public const string CaseStaff = "case-staff";
    public const string InstitutionAdmin = "institution-admin";
    public const string Auditor = "auditor";
    public const string PeerSupport = "peer-support";
    public const string NetworkLead = "network-lead";

    public static AuthorizationBuilder AddWebAppPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(CaseStaff, Roles(HavenRoles.CaseManager, HavenRoles.InstitutionAdmin))
        .AddPolicy(InstitutionAdmin, Roles(HavenRoles.InstitutionAdmin))
        .AddPolicy(Auditor, Roles(HavenRoles.Auditor))
        .AddPolicy(PeerSupport, Roles(HavenRoles.PeerSupporter, HavenRoles.NetworkLead))
        .AddPolicy(NetworkLead, Roles(HavenRoles.NetworkLead));

    // The roles as the provider's "roles" claim or as role claims, whichever way the sign-in maps them.
    private static AuthorizationPolicy Roles(params string[] roles) => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireClaim(HavenClaims.Institution)
        .RequireAssertion(context => roles.Any(role => context.User.HasClaim(HavenClaims.Roles, role) || context.User.IsInRole(role)))
        .Build();
}
