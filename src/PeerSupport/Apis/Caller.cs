using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Haven.Identity;
using Haven.PeerSupport.Model;

namespace Haven.PeerSupport.Apis;

/// <summary>Who is calling, as peer support needs it: their network comes from the deployment, never the token.</summary>
public sealed record Caller(string UserId, string InstitutionId, string? NetworkId, string Digest, bool IsNetworkLead)
{
    public static Caller From(ClaimsPrincipal user) => new(user.GetUserId(), user.GetInstitutionId(), user.GetNetworkId(),
        Model.Digest.Of(user.GetInstitutionId(), user.GetUserId()), user.HasRole(HavenRoles.NetworkLead));

    public static ProblemHttpResult NoNetwork() => TypedResults.Problem(
        "Your institution belongs to no peer-support network.", statusCode: StatusCodes.Status403Forbidden);
}
