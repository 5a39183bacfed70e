using System.ComponentModel.DataAnnotations;

namespace Haven.PeerSupport.Apis;

/// <summary>Someone the supporter must never be matched with (a supervisor, a relative), named by institution and e-mail.</summary>
/// <param name="InstitutionId">Their institution, e.g. <c>mercy</c>.</param>
/// <param name="Email">Their email address there; Haven keeps only a digest of the two.</param>
public sealed record PersonRef(string InstitutionId, string Email);

/// <summary>A supporter's opt-in profile.</summary>
/// <param name="FirstName">The first name the supported person will know them by.</param>
/// <param name="PreferredContact">How the supported person reaches them; shown only once they accept a request.</param>
/// <param name="Role">Their role, e.g. <c>Attending physician</c>.</param>
/// <param name="Specialty">Their specialty; optional.</param>
/// <param name="Department">Their department: they are never offered a request from their own department.</param>
/// <param name="Languages">Languages they speak, e.g. <c>spanish</c>.</param>
/// <param name="Region">Where they are; optional.</param>
/// <param name="Experience">What they have been through, as tags such as <c>doxxing</c>; shared experience counts most in the match.</param>
/// <param name="Capacity">How many people they support at once, 1 to 10.</param>
/// <param name="Amplifies">True: they are asked to post supportive messages for targets who request it.</param>
/// <param name="Conflicts">People they must never be matched with.</param>
public sealed record SupporterRequest(
    [property: MaxLength(100)] string FirstName,
    [property: MaxLength(200)] string PreferredContact,
    [property: MaxLength(100)] string Role,
    [property: MaxLength(100)] string? Specialty,
    [property: MaxLength(100)] string Department,
    IReadOnlyList<string>? Languages,
    [property: MaxLength(100)] string? Region,
    IReadOnlyList<string>? Experience,
    [property: Range(1, SupportersApi.MaxCapacity)] int Capacity,
    bool Amplifies,
    IReadOnlyList<PersonRef>? Conflicts);

/// <summary>A supporter's profile, as they see it.</summary>
/// <param name="Id">The supporter.</param>
/// <param name="InstitutionId">Their institution.</param>
/// <param name="NetworkId">The network they support in, their institution's.</param>
/// <param name="FirstName">The first name the supported person knows them by.</param>
/// <param name="PreferredContact">How the supported person reaches them.</param>
/// <param name="Role">Their role.</param>
/// <param name="Specialty">Their specialty; null when not given.</param>
/// <param name="Department">Their department.</param>
/// <param name="Languages">Languages they speak, lower-case.</param>
/// <param name="Region">Where they are; null when not given.</param>
/// <param name="Experience">What they have been through, as lower-case tags.</param>
/// <param name="Capacity">How many people they support at once.</param>
/// <param name="Amplifies">True when they take amplification requests.</param>
/// <param name="Paused">True while they take no new requests.</param>
/// <param name="Left">True once they left the supporters (registering again brings them back).</param>
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
