namespace Haven.DevIdentity;

/// <summary>
/// What the AppHost tells the development provider (section <c>DevIdentity</c>): where the browser reaches it, its key,
/// the clients it serves and the demo institutions' people. A deployment has none of this: it trusts real providers.
/// </summary>
public sealed class DevIdentityOptions
{
    public const string SectionName = "DevIdentity";

    /// <summary>The gateway's address as the browser sees it; every issuer lives under <c>{PublicOrigin}/identity/{institution}/</c>.</summary>
    public string PublicOrigin { get; set; } = "http://localhost:8080";

    /// <summary>The RSA key (PKCS#8 PEM) the AppHost keeps in its data folder; tests sign with the same key.</summary>
    public string SigningKeyFile { get; set; } = "";

    /// <summary>The secret of the <c>haven-cli</c> client (<c>./haven token</c>), a file in the same data folder.</summary>
    public string CliSecretFile { get; set; } = "";

    /// <summary>Where the WebApp may be sent back after signing in and out (the gateway's address).</summary>
    public List<string> WebAppRedirectUris { get; set; } = [];

    public List<string> WebAppPostLogoutRedirectUris { get; set; } = [];

    /// <summary>The demo institutions and their people, as JSON (one variable keeps the AppHost's list in one piece).</summary>
    public string Directory { get; set; } = "[]";

    public string IssuerFor(string institution) => $"{PublicOrigin.TrimEnd('/')}/identity/{institution}/";
}

public sealed record DemoInstitution(string Id, string Name, string? Network, IReadOnlyList<DemoPerson> People);

/// <summary>A demo person: <c>Id</c> is the token's <c>sub</c>, <c>Roles</c> Haven's roles.</summary>
public sealed record DemoPerson(string Id, string Name, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> DirectoryRoles);
