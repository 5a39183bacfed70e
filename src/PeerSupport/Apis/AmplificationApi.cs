using MassTransit;
using System.Security.Claims;
using Haven.Contracts.PeerSupport;
using Haven.Http;
using Haven.Identity;
using Haven.PeerSupport.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Haven.PeerSupport.Apis;

/// <summary>
/// A target asks the network's opted-in supporters to post supportive messages. The request names what to
/// support (the target's own post or profile) and a message; the abusive content is never taken, stored or passed on.
/// </summary>
public static class AmplificationApi
{
    public static IEndpointRouteBuilder MapAmplificationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/peer-support/amplifications").RequireAuthorization().WithTags("Amplification");

        api.MapPost("/", Request).WithName("RequestAmplification")
            .WithSummary("Ask the network's opted-in supporters to post supportive messages").ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/", Open).RequireAuthorization(HavenPolicies.PeerSupport)
            .WithName("ListOpenAmplifications").WithSummary("The network's open amplification requests, for supporters who opted in");
        return app;
    }

    public static async Task<Results<Accepted<AcceptedResponse>, ValidationProblem, ProblemHttpResult>> Request(AmplificationRequest body,
        ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        var caller = Caller.From(user);
        if (caller.NetworkId is null)
        {
            return Caller.NoNetwork();
        }
        var validation = new Validation()
            .Text(body, nameof(body.Platform))
            .Text(body, nameof(body.SupportUrl))
            .Require(Uri.TryCreate(body.SupportUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps,
                nameof(body.SupportUrl), "An https address of your own post or profile.")
            .Text(body, nameof(body.Message));
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var amplification = new Amplification
        {
            Id = NewId.NextGuid(),
            NetworkId = caller.NetworkId,
            InstitutionId = caller.InstitutionId,
            RequesterDigest = caller.Digest,
            Platform = body.Platform.Trim(),
            SupportUrl = body.SupportUrl,
            Message = body.Message.Trim(),
            RequestedAt = services.Clock.GetUtcNow(),
        };
        services.Db.Amplifications.Add(amplification);
        var recipients = await services.Db.Supporters.AsNoTracking()
            .Where(s => s.Amplifies && !s.Paused && s.LeftAt == null && s.Digest != caller.Digest)
            .Select(s => new SupporterAddress(s.InstitutionId, s.UserId))
            .ToListAsync();
        await services.Publish.Publish(new AmplificationRequested(amplification.Id, caller.NetworkId, recipients, amplification.RequestedAt));
        await services.Db.SaveChangesAsync();
        return TypedResults.Accepted($"/api/peer-support/amplifications", new AcceptedResponse(amplification.Id));
    }

    /// <summary>Open requests of the caller's network, for supporters who opted in to amplification.</summary>
    public static async Task<Results<Ok<List<AmplificationResponse>>, NotFound>> Open(ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        var caller = Caller.From(user);
        var supporter = await SupportersApi.Find(services, caller);
        if (supporter is not { Amplifies: true, LeftAt: null })
        {
            return TypedResults.NotFound();
        }
        var open = await services.Db.Amplifications.AsNoTracking()
            .Where(a => a.ClosedAt == null)
            .OrderByDescending(a => a.RequestedAt)
            .Take(50)
            .Select(a => new AmplificationResponse(a.Id, a.Platform, a.SupportUrl, a.Message, a.RequestedAt))
            .ToListAsync();
        return TypedResults.Ok(open);
    }
}
