using Haven.Audit.Chain;
using Haven.Audit.Data;
using Haven.Audit.Signing;
using Haven.Messaging.Tenancy;

namespace Haven.Audit.Apis;

public sealed class AuditServices(AuditDbContext db, TenantContext tenant, ChainVerifier verifier, CheckpointSigner signer)
{
    public AuditDbContext Db { get; } = db;
    // [AsParameters] binds through the constructor, whose parameters must each match a property.
    public TenantContext Tenant { get; } = tenant;

    /// <summary>The caller's institution: an auditor sees only their own institution's chain.</summary>
    public string InstitutionId => Tenant.InstitutionId ?? throw new InvalidOperationException("No institution.");
    public ChainVerifier Verifier { get; } = verifier;
    public CheckpointSigner Signer { get; } = signer;
}
