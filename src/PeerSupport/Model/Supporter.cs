using Haven.Messaging.Tenancy;
namespace Haven.PeerSupport.Model;

/// <summary>A clinician who opted in to support colleagues across their coalition network.</summary>
public sealed class Supporter : INetworkOwned
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string InstitutionId { get; set; }
    public required string NetworkId { get; set; }

    /// <summary>SHA-256 of "institution:lower(user)", the form the case flow names people in; for conflicts.</summary>
    public required string Digest { get; set; }

    public required string FirstName { get; set; }
    public required string PreferredContact { get; set; }
    public required string Role { get; set; }
    public string? Specialty { get; set; }
    public required string Department { get; set; }
    public List<string> Languages { get; set; } = [];
    public string? Region { get; set; }

    /// <summary>Kinds of attack they have lived through (e.g. "vaccine-advocacy", "doxxing"), lower case.</summary>
    public List<string> Experience { get; set; } = [];

    /// <summary>People they must never be matched with (digests), e.g. a supervisor or a relative.</summary>
    public List<string> ConflictDigests { get; set; } = [];

    /// <summary>How many people they support at once (pending offers count).</summary>
    public int Capacity { get; set; }

    public bool Paused { get; set; }
    public bool Amplifies { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }

    public bool IsAvailable => !Paused && LeftAt is null;
}
