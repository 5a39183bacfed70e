namespace Haven.Contracts.PeerSupport;

/// <summary>A peer supporter, addressed as their own institution's directory knows them (never the person they support).</summary>
/// <param name="InstitutionId">The supporter's institution, whose directory resolves <paramref name="UserId"/>.</param>
/// <param name="UserId">The supporter's user id at that institution.</param>
public record SupporterAddress(string InstitutionId, string UserId);
