using Haven.Identity;

namespace Haven.Intake.Reports;

/// <summary>The institutions the deployment serves and their coalition networks, from the <c>Identity</c> section.</summary>
public sealed class InstitutionDirectory(IdentityOptions identity)
{
    public IReadOnlySet<string> Institutions { get; } = identity.Institutions.Keys.ToHashSet(StringComparer.Ordinal);

    public string? NetworkOf(string institutionId) => identity.Institutions.GetValueOrDefault(institutionId)?.Network;

    /// <summary>Every institution of the network the institution belongs to (only itself when it has none).</summary>
    public IReadOnlyList<string> NetworkPeersOf(string institutionId) => NetworkOf(institutionId) is { } network
        ? [.. identity.Institutions.Where(i => i.Value.Network == network).Select(i => i.Key)]
        : [institutionId];
}
