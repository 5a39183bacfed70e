using System.Security.Cryptography;
using System.Text;

namespace Haven.Intake.Triage;

public static class Digests
{
    /// <summary>The subject as other services know them: hex SHA-256 of "institution:lower(email)" (see ReportSubmitted).</summary>
    public static string Subject(string institutionId, string email) => Sha256($"{institutionId}:{email.Trim().ToLowerInvariant()}");

    /// <summary>The subject across the institutions of a network (the same person reported to another member).</summary>
    public static string SubjectInNetwork(string email) => Sha256($"network:{email.Trim().ToLowerInvariant()}");

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
