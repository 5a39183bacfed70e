namespace Haven.PeerSupport.Matching;

/// <summary>What matching knows of a request. A null department means unknown (a case-flow request).</summary>
public sealed record MatchCriteria(
    string NetworkId,
    string InstitutionId,
    string? Department,
    IReadOnlyCollection<string> Languages,
    IReadOnlyCollection<string> Experience,
    bool PreferAnotherInstitution,
    string RequesterDigest,
    IReadOnlyCollection<string> ConflictDigests,
    IReadOnlyCollection<Guid> AlreadyOffered);
