using System.Security.Cryptography;
using System.Text;

namespace Haven.Notification.Delivery;

/// <summary>The pseudonymous key of a person as intake makes it for a case's subject: hex SHA-256 of "institution:lower(email)".</summary>
public static class SubjectDigest
{
    public static string For(string institutionId, string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{institutionId}:{email.Trim().ToLowerInvariant()}")));
}
