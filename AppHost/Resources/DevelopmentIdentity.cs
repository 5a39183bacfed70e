using System.Security.Cryptography;
using System.Text.Json;
using Haven.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Haven.AppHost.Resources;

/// <summary>
/// What a local run knows of its development identity provider (<c>src/DevIdentity</c>, resource <c>identity</c>): where the
/// browser reaches it (through the gateway, under <c>/identity/{institution}</c>: one issuer per demo institution), the key it
/// signs with and the secret of the <c>haven-cli</c> client, both kept in the data folder. It exists only in run mode; a
/// deployment configures its institutions' real providers (see the README).
/// </summary>
public sealed class DevelopmentIdentity
{
    public const string ResourceName = "identity";
    private const string KeyFile = "identity-signing-key.pem";
    private const string SecretFile = "identity-cli-secret";
    private const string OriginFile = "identity-origin";

    private DevelopmentIdentity(string dataDirectory, string publicOrigin, RsaSecurityKey signingKey)
    {
        DataDirectory = dataDirectory;
        PublicOrigin = publicOrigin;
        SigningKey = signingKey;
    }

    public string DataDirectory { get; }

    /// <summary>The gateway's address, as the browser, the WebApp and <c>./haven token</c> reach the provider.</summary>
    public string PublicOrigin { get; }

    public RsaSecurityKey SigningKey { get; }

    public IReadOnlyList<DemoInstitution> Institutions => DemoInstitutions.All;

    /// <summary>The provider's resource; set once it is in the graph.</summary>
    public IResourceBuilder<ProjectResource> Provider { get; internal set; } = null!;

    public string SigningKeyFile => Path.Combine(DataDirectory, KeyFile);

    public string CliSecretFile => Path.Combine(DataDirectory, SecretFile);

    public static string IssuerFor(string publicOrigin, string institution) => $"{publicOrigin.TrimEnd('/')}/identity/{institution}";

    public string IssuerFor(string institution) => IssuerFor(PublicOrigin, institution);

    public string MetadataAddressFor(string institution) => $"{IssuerFor(institution)}/.well-known/openid-configuration";

    /// <summary>
    /// The provider's key and client secret in the data folder, created on the first run (mode 600, git-ignored); the public
    /// origin is written beside them for <c>./haven token</c>.
    /// </summary>
    public static DevelopmentIdentity Open(string dataDirectory, string publicOrigin)
    {
        Directory.CreateDirectory(dataDirectory);
        var rsa = RSA.Create();
        var keyFile = Path.Combine(dataDirectory, KeyFile);
        if (File.Exists(keyFile))
        {
            rsa.ImportFromPem(File.ReadAllText(keyFile));
        }
        else
        {
            rsa.KeySize = 2048;
            WritePrivate(keyFile, rsa.ExportPkcs8PrivateKeyPem());
        }
        var secretFile = Path.Combine(dataDirectory, SecretFile);
        if (!File.Exists(secretFile))
        {
            WritePrivate(secretFile, RandomNumberGenerator.GetHexString(48, lowercase: true));
        }
        File.WriteAllText(Path.Combine(dataDirectory, OriginFile), publicOrigin);
        var key = new RsaSecurityKey(rsa);
        // The provider names the key the same way, so a token signed here names the key its JWKS publishes.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return new DevelopmentIdentity(dataDirectory, publicOrigin, key);
    }

    /// <summary>What <c>./haven token</c> needs of a run: the provider's public origin and the CLI client's secret.</summary>
    public static (string Origin, string Secret)? ReadClient(string dataDirectory)
    {
        var origin = Path.Combine(dataDirectory, OriginFile);
        var secret = Path.Combine(dataDirectory, SecretFile);
        return File.Exists(origin) && File.Exists(secret) ? (File.ReadAllText(origin).Trim(), File.ReadAllText(secret).Trim()) : null;
    }

    /// <summary>The demo institutions and people as the provider's <c>DevIdentity:Directory</c> setting reads them.</summary>
    public string DirectoryJson() => JsonSerializer.Serialize(Institutions, JsonSerializerOptions.Web);

    /// <summary>
    /// A token as the provider issues it (same issuer, audience, claims and key), signed here: for tests and the dashboard's
    /// commands, which need one without a round trip. <c>./haven token</c> asks the provider itself.
    /// </summary>
    public string CreateToken(string institution, string user, IEnumerable<string> roles, TimeSpan? lifetime = null)
    {
        if (Institutions.All(i => i.Id != institution))
        {
            throw new DistributedApplicationException(
                $"Unknown institution '{institution}'; the graph has: {string.Join(", ", Institutions.Select(i => i.Id))}.");
        }
        var unknownRoles = roles.Where(role => !HavenRoles.All.Contains(role)).ToList();
        if (unknownRoles.Count > 0)
        {
            throw new DistributedApplicationException(
                $"Unknown role(s) {string.Join(", ", unknownRoles)}; the roles are: {string.Join(", ", HavenRoles.All)}.");
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerFor(institution),
            Audience = IdentityOptions.DefaultAudience,
            Expires = DateTime.UtcNow + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                [HavenClaims.Subject] = user,
                [HavenClaims.Institution] = institution,
                [HavenClaims.Roles] = roles.ToArray(),
            },
        });
    }

    private static void WritePrivate(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
