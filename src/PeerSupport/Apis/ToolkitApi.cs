using MassTransit;
using System.Security.Claims;
using Haven.Http;
using Haven.Identity;
using Haven.PeerSupport.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Haven.PeerSupport.Apis;

/// <summary>
/// The toolkit a target is shown: Haven's defaults for each step, overridden topic by topic by their network's
/// resources, and those by their own institution's.
/// </summary>
public static class ToolkitApi
{
    public static readonly IReadOnlyList<ToolkitResourceResponse> Defaults =
    [
        new(null, "lock-down", "Lock down your accounts", null, "Make profiles private, turn on two-factor sign-in, remove your address and phone from data brokers.", "haven"),
        new(null, "document", "Document what happens", null, "Screenshot with date and link before anything is deleted; Haven keeps evidence privately, never reposted.", "haven"),
        new(null, "report-platform", "Report to the platform", null, "Use the platform's own reporting pathway for harassment, threats and doxxing.", "haven"),
        new(null, "report-police", "Report to the police", null, "Threats of violence and doxxing belong with law enforcement; your institution's security can help.", "haven"),
        new(null, "contact-institution", "Contact your institution", null, "Your institution's wellbeing and security teams can support you; you decide what they are told.", "haven"),
    ];

    public static IEndpointRouteBuilder MapToolkitApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/peer-support/toolkit").RequireAuthorization().WithTags("Toolkit");

        api.MapGet("/", Get).WithName("GetToolkit").WithSummary("Resources for a target: Haven's, the network's and the institution's");
        api.MapPost("/", Add).RequireAuthorization(HavenPolicies.NetworkLead)
            .WithName("AddToolkitResource").WithSummary("Add a resource for the network or your institution").ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<Ok<List<ToolkitResourceResponse>>> Get(ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        var caller = Caller.From(user);
        var own = await services.Db.Toolkit.AsNoTracking()
            .Where(r => r.InstitutionId == null || r.InstitutionId == caller.InstitutionId)
            .ToListAsync();
        var byTopic = Defaults.ToDictionary(d => d.Topic, d => new List<ToolkitResourceResponse> { d });
        // The most specific scope wins a topic: institution over network over Haven's default.
        foreach (var scope in own.GroupBy(r => r.InstitutionId is null ? 1 : 2).OrderBy(g => g.Key))
        {
            foreach (var topic in scope.GroupBy(r => r.Topic))
            {
                byTopic[topic.Key] = [.. topic.Select(r => new ToolkitResourceResponse(r.Id, r.Topic, r.Title, r.Url, r.Summary,
                    r.InstitutionId is null ? "network" : "institution"))];
            }
        }
        return TypedResults.Ok(byTopic.Values.SelectMany(v => v).ToList());
    }

    /// <summary>A network lead adds a resource for the whole network, or for their own institution only.</summary>
    public static async Task<Results<Created<ToolkitResourceResponse>, ValidationProblem, ProblemHttpResult>> Add(ToolkitResourceRequest body,
        ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        var caller = Caller.From(user);
        if (caller.NetworkId is null)
        {
            return Caller.NoNetwork();
        }
        var validation = new Validation()
            .Text(body, nameof(body.Topic))
            .Text(body, nameof(body.Title))
            .Text(body, nameof(body.Summary), required: false)
            .Require(body.Url is null || Uri.TryCreate(body.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps,
                nameof(body.Url), "An https address.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }
        var resource = new ToolkitResource
        {
            Id = NewId.NextGuid(),
            NetworkId = caller.NetworkId,
            InstitutionId = body.ForMyInstitutionOnly ? caller.InstitutionId : null,
            Topic = body.Topic.Trim().ToLowerInvariant(),
            Title = body.Title.Trim(),
            Url = body.Url,
            Summary = body.Summary,
        };
        services.Db.Toolkit.Add(resource);
        await services.Db.SaveChangesAsync();
        return TypedResults.Created($"/api/peer-support/toolkit", new ToolkitResourceResponse(resource.Id, resource.Topic, resource.Title,
            resource.Url, resource.Summary, resource.InstitutionId is null ? "network" : "institution"));
    }
}
