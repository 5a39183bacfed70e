using System.Security.Cryptography;
using System.Text;

namespace Haven.Intake.CaseKeys;

/// <summary>Case keys and their secrets: random, shown once, the secret kept only as a salted hash.</summary>
public static class CaseKeySecrets
{
    /// <summary>
    /// Stored with a credential hashed by one HMAC-SHA256 (the salt its key). A secret is 32 random symbols of 32 (160 bits):
    /// nobody can guess it, so stretching it (as one must a password) buys nothing and cost every anonymous submission
    /// 100,000 PBKDF2 rounds. Credentials issued before keep their iteration count and verify as they always did.
    /// </summary>
    public const int Unstretched = 0;

    private const int HashLength = 32;
    // Crockford's base32: no I, L, O, U, so a key read aloud or copied by hand survives.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string NewKey() => "HK-" + Random(16);

    public static string NewSecret() => Random(32);

    public static (byte[] Salt, byte[] Hash) Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (salt, Derive(secret, salt, Unstretched));
    }

    public static bool Verify(string secret, byte[] salt, byte[] expected, int iterations) =>
        CryptographicOperations.FixedTimeEquals(Derive(secret, salt, iterations), expected);

    private static byte[] Derive(string secret, byte[] salt, int iterations) => iterations == Unstretched
        ? HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret))
        : Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, HashLength);

    private static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
