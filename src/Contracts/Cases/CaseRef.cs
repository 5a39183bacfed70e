using System.Security.Cryptography;

namespace Haven.Contracts.Cases;

/// <summary>
/// The short reference people read for a case, the same on its pages and in its notices: eight characters of a digest of
/// its id. Not the id's first characters: ids are sequential (MassTransit's NewId), and cases opened moments apart share them.
/// </summary>
public static class CaseRef
{
    public static string Of(Guid caseId) => Convert.ToHexString(SHA256.HashData(caseId.ToByteArray()))[..8];
}
