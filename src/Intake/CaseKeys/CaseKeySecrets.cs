using System.Security.Cryptography;

namespace Haven.Intake.CaseKeys;

/// <summary>Case keys and their secrets: random, shown once, the secret kept only as a salted PBKDF2 hash.</summary>
public static class CaseKeySecrets
{
    public const int Iterations = 100_000;
    private const int HashLength = 32;
    // Crockford's base32: no I, L, O, U, so a key read aloud or copied by hand survives.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string NewKey() => "HK-" + Random(16);

    public static string NewSecret() => Random(32);

    public static (byte[] Salt, byte[] Hash) Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (salt, Derive(secret, salt, Iterations));
    }

    public static bool Verify(string secret, byte[] salt, byte[] expected, int iterations) =>
        CryptographicOperations.FixedTimeEquals(Derive(secret, salt, iterations), expected);

    private static byte[] Derive(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, HashLength);

    private static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
