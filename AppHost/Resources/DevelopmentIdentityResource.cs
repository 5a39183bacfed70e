using System.Security.Cryptography;
using Haven.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Haven.AppHost.Resources;

/// <summary>
/// The stand-in for the institutions' OpenID Connect providers in local runs and tests: one issuer per
/// institution, all signing with a development key the AppHost keeps in its data folder. It exists only
/// here; a deployment configures its institutions' real providers instead (see the README).
/// </summary>
public sealed class DevelopmentIdentityResource(string name) : Resource(name)
{
    public const string Audience = "haven";

    public List<DevelopmentInstitution> Institutions { get; } = [];

    public RsaSecurityKey? SigningKey { get; private set; }

    /// <summary>Loads the signing key from the data folder, creating it on the first run (mode 600, git-ignored).</summary>
    public void LoadSigningKey(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "identity-signing-key.pem");
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        SigningKey = key;
    }

    public static string IssuerFor(string institution) => $"https://identity.haven.test/{institution}";

    /// <summary>A token as the institution's provider would issue it.</summary>
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

        var key = SigningKey ?? throw new InvalidOperationException("The development signing key is not loaded yet.");
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerFor(institution),
            Audience = Audience,
            Expires = DateTime.UtcNow + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                [HavenClaims.Subject] = user,
                [HavenClaims.Institution] = institution,
                [HavenClaims.Roles] = roles.ToArray(),
            },
        });
    }

    /// <summary>The public half of the signing key, as a JSON Web Key Set that services pin.</summary>
    public string PublicJwks()
    {
        var key = SigningKey ?? throw new InvalidOperationException("The development signing key is not loaded yet.");
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = jwk.Kty, use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = jwk.Kid, n = jwk.N, e = jwk.E } },
        });
    }
}

public sealed record DevelopmentInstitution(string Id, string? Network);
