using Haven.Messaging.Tenancy;
namespace Haven.Audit.Data;

/// <summary>The tip of an institution's chain. Appenders lock this row, so each chain grows one entry at a time.</summary>
public sealed class ChainHead : ITenantOwned
{
    public required string InstitutionId { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}
