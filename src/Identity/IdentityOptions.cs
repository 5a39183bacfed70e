namespace Haven.Identity;

/// <summary>
/// Which identity providers the deployment trusts, per institution (configuration section <c>Identity</c>).
/// A token is accepted only from a configured issuer, for the configured audience, and only when its
/// <c>institution</c> claim names an institution that trusts that issuer.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    public const string DefaultAudience = "haven";

    public string Audience { get; set; } = DefaultAudience;

    /// <summary>Keyed by institution id (the value of the tokens' <c>institution</c> claim).</summary>
    public Dictionary<string, InstitutionOptions> Institutions { get; set; } = new(StringComparer.Ordinal);
}

public sealed class InstitutionOptions
{
    /// <summary>The coalition network the institution belongs to, if any.</summary>
    public string? Network { get; set; }

    public List<TrustedIssuerOptions> Issuers { get; set; } = [];
}

public sealed class TrustedIssuerOptions
{
    /// <summary>The <c>iss</c> value of the provider's tokens.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>OpenID Connect discovery document; the signing keys are fetched from it and refreshed.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>A pinned JSON Web Key Set, instead of discovery (used by the AppHost's development provider).</summary>
    public string? Jwks { get; set; }
}
