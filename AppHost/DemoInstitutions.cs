using Haven.Identity;

namespace Haven.AppHost;

/// <summary>
/// The institutions a local run plays the identity providers of, and their demo people: the development provider's sign-in
/// page lists them, and a run with <c>--demo-directory</c> (what <c>./haven run</c> passes) puts them in each institution's
/// notification directory, so a report reaches someone's inbox. Haven's roles go into their tokens; the directory roles
/// are the institutional ones an escalation ladder names (program director, leadership, …).
/// </summary>
public static class DemoInstitutions
{
    public static readonly IReadOnlyList<DemoInstitution> All =
    [
        new("mercy", "Mercy General Hospital", "lakeshore-coalition",
        [
            Person("carol", "Carol Reyes", "carol@mercy.example", [HavenRoles.CaseManager], ["case-manager"]),
            Person("ann", "Ann Okafor", "ann@mercy.example", [HavenRoles.InstitutionAdmin], ["leadership"]),
            Person("priya", "Priya Shah", "priya@mercy.example", [HavenRoles.CaseManager], ["program-director", "wellbeing-lead"]),
            Person("dev", "Dev Mensah", "dev@mercy.example", [HavenRoles.Auditor], []),
            Person("sam", "Sam Lindqvist", "sam@mercy.example", [HavenRoles.PeerSupporter], []),
            Person("lena", "Lena Novak", "lena@mercy.example", [HavenRoles.NetworkLead, HavenRoles.PeerSupporter], ["security"]),
        ]),
        new("lakeside", "Lakeside Medical Center", "lakeshore-coalition",
        [
            Person("omar", "Omar Haddad", "omar@lakeside.example", [HavenRoles.CaseManager], ["case-manager"]),
            Person("grace", "Grace Kim", "grace@lakeside.example", [HavenRoles.InstitutionAdmin], ["leadership", "security"]),
            Person("mateo", "Mateo Silva", "mateo@lakeside.example", [HavenRoles.CaseManager], ["program-director", "wellbeing-lead"]),
            Person("ines", "Ines Laurent", "ines@lakeside.example", [HavenRoles.Auditor], []),
            Person("kofi", "Kofi Boateng", "kofi@lakeside.example", [HavenRoles.PeerSupporter], []),
        ]),
        new("northfield", "Northfield Regional Health", "prairie-network",
        [
            Person("hannah", "Hannah Berg", "hannah@northfield.example", [HavenRoles.CaseManager], ["case-manager"]),
            Person("raj", "Raj Iyer", "raj@northfield.example", [HavenRoles.InstitutionAdmin], ["leadership", "security"]),
            Person("elena", "Elena Petrova", "elena@northfield.example", [HavenRoles.CaseManager], ["program-director", "wellbeing-lead"]),
            Person("tom", "Tom Whitefeather", "tom@northfield.example", [HavenRoles.Auditor], []),
            Person("aisha", "Aisha Bello", "aisha@northfield.example", [HavenRoles.PeerSupporter], []),
            Person("jonas", "Jonas Eklund", "jonas@northfield.example", [HavenRoles.NetworkLead, HavenRoles.PeerSupporter], []),
        ]),
    ];

    // In the directory a person holds their Haven roles and their institutional ones.
    private static DemoPerson Person(string id, string name, string email, string[] roles, string[] institutionalRoles) =>
        new(id, name, email, roles, [.. roles.Concat(institutionalRoles).Distinct()]);
}

public sealed record DemoInstitution(string Id, string Name, string? Network, IReadOnlyList<DemoPerson> People);

/// <summary>A demo person: <c>Id</c> is their tokens' <c>sub</c> and their directory user id.</summary>
public sealed record DemoPerson(string Id, string Name, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> DirectoryRoles);
