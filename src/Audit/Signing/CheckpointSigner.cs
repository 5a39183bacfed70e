using System.Security.Cryptography;
using System.Text;
using Haven.Audit.Chain;
using Haven.Audit.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Audit.Signing;

/// <summary>
/// Signs checkpoints with ECDSA P-256. The key comes from <c>Audit:SigningKeyPem</c> when the deployment provides one
/// (e.g. from its secret store); otherwise the first instance to need it generates it and keeps it in the audit
/// database, where every replica finds the same key.
/// </summary>
public sealed class CheckpointSigner(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private (string KeyId, ECDsa Key)? _key;

    public async Task<(string KeyId, string Signature)> SignAsync(string statement, CancellationToken cancellationToken)
    {
        var (keyId, key) = await KeyAsync(cancellationToken);
        return (keyId, Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(statement), HashAlgorithmName.SHA256)));
    }

    public async Task<bool> VerifyAsync(string statement, string signature, CancellationToken cancellationToken)
    {
        var (_, key) = await KeyAsync(cancellationToken);
        return key.VerifyData(Encoding.UTF8.GetBytes(statement), Convert.FromBase64String(signature), HashAlgorithmName.SHA256);
    }

    /// <summary>The public key (SubjectPublicKeyInfo PEM) that anyone holding a checkpoint verifies it with.</summary>
    public async Task<(string KeyId, string PublicKeyPem)> PublicKeyAsync(CancellationToken cancellationToken)
    {
        var (keyId, key) = await KeyAsync(cancellationToken);
        return (keyId, key.ExportSubjectPublicKeyInfoPem());
    }

    private async Task<(string KeyId, ECDsa Key)> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } loaded)
        {
            return loaded;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            _key ??= await LoadAsync(cancellationToken);
            return _key.Value;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<(string KeyId, ECDsa Key)> LoadAsync(CancellationToken cancellationToken)
    {
        if (configuration["Audit:SigningKeyPem"] is { Length: > 0 } configured)
        {
            return WithId(configured);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var stored = await db.SigningKeys.AsNoTracking().OrderBy(k => k.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            using var generated = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var pem = generated.ExportPkcs8PrivateKeyPem();
            var (keyId, _) = WithId(pem);
            // Two replicas generating at once: the first insert wins and both use it.
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO audit_signing_keys ("KeyId", "PrivateKeyPem", "CreatedAt") VALUES ({keyId}, {pem}, {clock.GetUtcNow()}) ON CONFLICT DO NOTHING""",
                cancellationToken);
            stored = await db.SigningKeys.AsNoTracking().OrderBy(k => k.CreatedAt).FirstAsync(cancellationToken);
        }
        return WithId(stored.PrivateKeyPem);
    }

    /// <summary>The key id is the SHA-256 of the public key, so a verifier can tell which key it needs.</summary>
    private static (string KeyId, ECDsa Key) WithId(string privateKeyPem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(privateKeyPem);
        return (ChainHasher.Sha256(key.ExportSubjectPublicKeyInfoPem())[..16], key);
    }
}
