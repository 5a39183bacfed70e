using Haven.WebApp.Services;

namespace Haven.WebApp.Extensions;

/// <summary>Files staff take away: a case's referral packet, the audit log's export.</summary>
public static class Downloads
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cases/{id:guid}/referrals/{slug}/download", async (Guid id, string slug, CasesApi cases, CancellationToken cancellationToken) =>
        {
            var packet = await cases.GetReferralAsync(id, slug, cancellationToken);
            return packet.Ok
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(packet.Value.GetRawText()), "application/json", $"haven-case-{id}-{slug}.json")
                : Results.NotFound();
        }).RequireAuthorization(WebAppPolicies.CaseStaff);

        endpoints.MapGet("/audit/export", async (AuditApi audit, HttpContext context, CancellationToken cancellationToken) =>
        {
            using var export = await audit.ExportAsync(cancellationToken);
            if (!export.IsSuccessStatusCode)
            {
                return Results.StatusCode((int)export.StatusCode);
            }
            context.Response.ContentType = "application/x-ndjson";
            context.Response.Headers.ContentDisposition = "attachment; filename=haven-audit.jsonl";
            await export.Content.CopyToAsync(context.Response.Body, cancellationToken);
            return Results.Empty;
        }).RequireAuthorization(WebAppPolicies.Auditor);
        return endpoints;
    }
}
