using Haven.Contracts.Tenancy;
using MassTransit;

namespace Haven.Contracts.Audit;

/// <summary>
/// An institution's audit chain was checkpointed and signed (v1). Other institutions of the network keep these
/// (cross-witnessing): a later chain whose entry at <paramref name="Sequence"/> has another hash was rewritten.
/// </summary>
/// <param name="InstitutionId">Whose chain.</param>
/// <param name="NetworkId">The institution's network, whose members witness it.</param>
/// <param name="Sequence">The last entry covered.</param>
/// <param name="HeadHash">That entry's hash (hex SHA-256).</param>
/// <param name="Signature">ECDSA P-256 / SHA-256 signature (base64, IEEE P1363) of the checkpoint statement.</param>
/// <param name="KeyId">Which of the audit service's keys signed it.</param>
/// <param name="SignedAt">When.</param>
[MessageUrn("haven:audit:audit-checkpoint-signed:v1")]
public record AuditCheckpointSigned(string InstitutionId, string? NetworkId, long Sequence, string HeadHash, string Signature,
    string KeyId, DateTimeOffset SignedAt) : IInstitutionMessage;
