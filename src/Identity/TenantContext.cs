using Microsoft.AspNetCore.Http;

namespace Haven.Identity;

/// <summary>
/// The institution whose data the current unit of work may touch: the caller's, from the validated token,
/// or the one a consumer sets from the message it handles. DbContexts filter tenant-owned rows by it, so a
/// request for another institution's row finds nothing (404), never the row.
/// </summary>
public sealed class TenantContext(IHttpContextAccessor http)
{
    private string? _institutionId;

    /// <summary>
    /// True while serving an HTTP request: then only the caller's institution is visible. Consumers and sagas
    /// work for the institution their message names, which they check themselves.
    /// </summary>
    public bool IsRequest => http.HttpContext is not null;

    /// <summary>Null when there is no caller and nothing was set: then tenant-owned queries match no row.</summary>
    public string? InstitutionId =>
        _institutionId ?? http.HttpContext?.User.FindFirst(HavenClaims.Institution)?.Value;

    /// <summary>For work outside a request (a consumer): the institution named by the message.</summary>
    public void Use(string institutionId)
    {
        if (_institutionId is not null && _institutionId != institutionId)
        {
            throw new InvalidOperationException("A unit of work belongs to one institution.");
        }
        _institutionId = institutionId;
    }
}
