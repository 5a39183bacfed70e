using Haven.WebApp.Services;

namespace Haven.WebApp.Extensions;

public static class ReferralDownloads
{
    /// <summary>A referral packet as a JSON file, for a case manager to hand to a platform, the police or federal authorities.</summary>
    public static IEndpointConventionBuilder MapReferralDownloads(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/cases/{id:guid}/referrals/{slug}/download", async (Guid id, string slug, CasesApi cases, CancellationToken cancellationToken) =>
        {
            var packet = await cases.GetReferralAsync(id, slug, cancellationToken);
            return packet.Ok
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(packet.Value.GetRawText()), "application/json", $"haven-case-{id}-{slug}.json")
                : Results.NotFound();
        }).RequireAuthorization(WebAppPolicies.CaseStaff);
}
