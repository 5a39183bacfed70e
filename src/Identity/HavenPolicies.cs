using Microsoft.AspNetCore.Authorization;

namespace Haven.Identity;

/// <summary>Authorization policies by what a caller may do, each satisfied by one or more roles.</summary>
public static class HavenPolicies
{
    /// <summary>Any authenticated user holding at least one Haven role (the default for every non-anonymous route).</summary>
    public const string AnyRole = "any-role";
    public const string CaseStaff = "case-staff";
    public const string InstitutionAdmin = "institution-admin";
    public const string Auditor = "auditor";
    public const string Operator = "operator";
    public const string PeerSupport = "peer-support";
    public const string NetworkLead = "network-lead";

    internal static void Add(AuthorizationBuilder authorization)
    {
        var anyRole = RoleRequirement([.. HavenRoles.All]);
        authorization
            .AddPolicy(AnyRole, anyRole)
            .SetDefaultPolicy(anyRole)
            .AddPolicy(CaseStaff, RoleRequirement(HavenRoles.CaseManager, HavenRoles.InstitutionAdmin))
            .AddPolicy(InstitutionAdmin, RoleRequirement(HavenRoles.InstitutionAdmin))
            .AddPolicy(Auditor, RoleRequirement(HavenRoles.Auditor))
            .AddPolicy(Operator, RoleRequirement(HavenRoles.Operator))
            .AddPolicy(PeerSupport, RoleRequirement(HavenRoles.PeerSupporter, HavenRoles.NetworkLead))
            .AddPolicy(NetworkLead, RoleRequirement(HavenRoles.NetworkLead));
    }

    private static AuthorizationPolicy RoleRequirement(params string[] roles) =>
        new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(HavenClaims.Institution)
            .RequireClaim(HavenClaims.Roles, roles)
            .Build();
}
