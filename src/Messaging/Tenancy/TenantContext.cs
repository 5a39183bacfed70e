using System.Security.Claims;
using Haven.Identity;
using Microsoft.AspNetCore.Http;

namespace Haven.Messaging.Tenancy;

/// <summary>
/// The institution (and coalition network) whose rows the current unit of work may see and write: the caller's, from
/// the validated token, for a request; the one its message names, for a consumer (set by
/// <see cref="TenantConsumeFilter{T}"/>); the owner of the saga instance a message reaches. Every DbContext filters
/// tenant-owned rows by it (<see cref="TenantModelBuilderExtensions.ApplyTenantFilters{TContext}"/>) and refuses to
/// write another's (<see cref="TenantWriteGuard"/>). With no scope, tenant-owned queries match no row.
/// </summary>
public sealed class TenantContext(IHttpContextAccessor http)
{
    private string? _institutionId;
    private string? _networkId;

    public string? InstitutionId => _institutionId ?? Caller?.FindFirst(HavenClaims.Institution)?.Value;

    public string? NetworkId => _networkId ?? Caller?.FindFirst(HavenClaims.Network)?.Value;

    private ClaimsPrincipal? Caller => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    /// <summary>
    /// Scopes work that no token scopes: a consumer (done for it by the consume filter), a timer's pass over one
    /// institution, an anonymous report filed with the institution it names. A unit of work belongs to one institution,
    /// so naming a second one is refused.
    /// </summary>
    public void Use(string institutionId) => _institutionId = Enter(_institutionId, institutionId, "institution");

    /// <summary>Scopes work to one coalition network (peer support's rows), like <see cref="Use"/>.</summary>
    public void UseNetwork(string networkId) => _networkId = Enter(_networkId, networkId, "network");

    /// <summary>Scopes the work to the owner of a row found by its key alone (a saga instance reached by a deadline).</summary>
    public void Enter(object row)
    {
        switch (row)
        {
            case ITenantOwned owned:
                Use(owned.InstitutionId);
                break;
            case INetworkOwned { NetworkId.Length: > 0 } owned:
                UseNetwork(owned.NetworkId);
                break;
        }
    }

    private static string Enter(string? current, string next, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(next);
        if (current is not null && current != next)
        {
            throw new TenantViolationException($"A unit of work belongs to one {what}: it is in '{current}', not '{next}'.");
        }
        return next;
    }
}
