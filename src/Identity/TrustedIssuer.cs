using Microsoft.IdentityModel.Tokens;

namespace Haven.Identity;

/// <summary>One identity provider, with every institution that trusts it (a network-wide provider may serve several).</summary>
internal sealed record TrustedIssuer(string Issuer, string SchemeName, string? MetadataAddress,
    IReadOnlyList<SecurityKey> PinnedKeys, IReadOnlyDictionary<string, string?> NetworkByInstitution)
{
    public static IReadOnlyList<TrustedIssuer> From(IdentityOptions options) =>
        [.. options.Institutions
            .SelectMany(institution => institution.Value.Issuers.Select(issuer => (Institution: institution, Issuer: issuer)))
            .GroupBy(pair => pair.Issuer.Issuer, StringComparer.Ordinal)
            .Select((group, index) => new TrustedIssuer(
                group.Key,
                $"issuer-{index}",
                group.Select(pair => pair.Issuer.MetadataAddress).FirstOrDefault(address => address is not null),
                [.. group.Where(pair => pair.Issuer.Jwks is not null)
                    .SelectMany(pair => new JsonWebKeySet(pair.Issuer.Jwks).GetSigningKeys())],
                group.ToDictionary(pair => pair.Institution.Key, pair => pair.Institution.Value.Network, StringComparer.Ordinal)))];
}
