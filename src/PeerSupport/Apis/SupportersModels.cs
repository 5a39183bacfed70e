namespace Haven.PeerSupport.Apis;

/// <summary>Someone the supporter must never be matched with (a supervisor, a relative), named by institution and e-mail.</summary>
public sealed record PersonRef(string InstitutionId, string Email);

/// <summary>A supporter's opt-in profile.</summary>
public sealed record SupporterRequest(
    string FirstName,
    string PreferredContact,
    string Role,
    string? Specialty,
    string Department,
    IReadOnlyList<string>? Languages,
    string? Region,
    IReadOnlyList<string>? Experience,
    int Capacity,
    bool Amplifies,
    IReadOnlyList<PersonRef>? Conflicts);

public sealed record SupporterResponse(
    Guid Id,
    string InstitutionId,
    string NetworkId,
    string FirstName,
    string PreferredContact,
    string Role,
    string? Specialty,
    string Department,
    IReadOnlyList<string> Languages,
    string? Region,
    IReadOnlyList<string> Experience,
    int Capacity,
    bool Amplifies,
    bool Paused,
    bool Left);
