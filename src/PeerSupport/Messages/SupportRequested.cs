using Haven.Contracts.Tenancy;
using Haven.PeerSupport.StateMachines;

namespace Haven.PeerSupport.Messages;

/// <summary>A self- or colleague referral taken by the API, for the support saga (internal to peer support).</summary>
public record SupportRequested(
    Guid RequestId,
    SupportOrigin Origin,
    string InstitutionId,
    string NetworkId,
    string RequesterDigest,
    string? ReferrerDigest,
    string FirstName,
    string PreferredContact,
    string? Department,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Experience,
    bool PreferAnotherInstitution,
    IReadOnlyList<string> ConflictDigests,
    bool Urgent,
    DateTimeOffset RequestedAt) : IInstitutionMessage, INetworkMessage;
