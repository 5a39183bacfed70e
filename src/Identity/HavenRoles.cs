namespace Haven.Identity;

/// <summary>The roles a token may carry in its <c>roles</c> claim.</summary>
public static class HavenRoles
{
    public const string Reporter = "reporter";
    public const string CaseManager = "case-manager";
    public const string InstitutionAdmin = "institution-admin";
    public const string Auditor = "auditor";
    public const string PeerSupporter = "peer-supporter";
    public const string NetworkLead = "network-lead";
    public const string Operator = "operator";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(
        [Reporter, CaseManager, InstitutionAdmin, Auditor, PeerSupporter, NetworkLead, Operator]);
}
