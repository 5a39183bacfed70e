using Haven.Messaging.Tenancy;
namespace Haven.Intake.Data;

/// <summary>An anonymous reporter's case key. The secret is kept only as a salted hash (see CaseKeySecrets).</summary>
public sealed class CaseKeyCredential : ITenantOwned
{
    public required string Key { get; set; }
    public Guid ReportId { get; set; }
    public Guid CaseId { get; set; }
    public required string InstitutionId { get; set; }
    public required byte[] Salt { get; set; }
    public required byte[] SecretHash { get; set; }
    /// <summary>PBKDF2 rounds of a credential issued before secrets went unstretched; <see cref="CaseKeys.CaseKeySecrets.Unstretched"/> since.</summary>
    public int Iterations { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
}
