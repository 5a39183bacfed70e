using Haven.Messaging.Tenancy;
namespace Haven.Audit.Data;

/// <summary>A signed statement "institution X's chain had hash H at sequence N", for others to keep.</summary>
public sealed class Checkpoint : ITenantOwned
{
    public long Id { get; set; }
    public required string InstitutionId { get; set; }
    public long Sequence { get; set; }
    public required string HeadHash { get; set; }
    public required string KeyId { get; set; }
    /// <summary>Base64 ECDSA P-256 / SHA-256 signature (IEEE P1363) of <see cref="Chain.ChainHasher.CheckpointStatement"/>.</summary>
    public required string Signature { get; set; }
    public DateTimeOffset SignedAt { get; set; }
}
