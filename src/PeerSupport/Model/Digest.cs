using System.Security.Cryptography;
using System.Text;

namespace Haven.PeerSupport.Model;

/// <summary>How Haven names a person pseudonymously across services: hex SHA-256 of "institution:lower(user)".</summary>
public static class Digest
{
    public static string Of(string institutionId, string user) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{institutionId}:{user.Trim().ToLowerInvariant()}")));
}
