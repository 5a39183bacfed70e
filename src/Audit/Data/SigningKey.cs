namespace Haven.Audit.Data;

/// <summary>
/// The checkpoint signing key generated on first run when the deployment configures none (<c>Audit:SigningKeyPem</c>).
/// It lives in the audit database, which is as protected as the log it vouches for; never in the repository.
/// </summary>
public sealed class SigningKey
{
    public required string KeyId { get; set; }
    public required string PrivateKeyPem { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
