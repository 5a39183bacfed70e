using System.Security.Claims;
using Haven.Http;
using Haven.Identity;
using Haven.PeerSupport.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Haven.PeerSupport.Apis;

/// <summary>The network lead's view of their network's requests, and their tuning of its deadlines.</summary>
public static class NetworkApi
{
    public static IEndpointRouteBuilder MapNetworkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/peer-support/network").RequireAuthorization(HavenPolicies.NetworkLead).WithTags("Network");

        api.MapGet("/requests", Requests).WithName("ListNetworkRequests").WithSummary("The network's support requests, for its lead")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/settings", GetSettings).WithName("GetNetworkSettings").WithSummary("The network's offer deadlines and check-ins")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPut("/settings", PutSettings).WithName("PutNetworkSettings").WithSummary("Tune the network's offer deadlines and check-ins")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <param name="status">Only requests that stand here, e.g. <c>Unmatched</c> (any case).</param>
    public static async Task<Results<Ok<List<NetworkRequestResponse>>, ProblemHttpResult>> Requests(string? status, ClaimsPrincipal user,
        [AsParameters] PeerSupportServices services)
    {
        if (Caller.From(user).NetworkId is null)
        {
            return Caller.NoNetwork();
        }
        IQueryable<StateMachines.SupportState> query = services.Db.Supports.AsNoTracking();
        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(s => s.CurrentState.ToLower() == status.ToLower());
        }
        var supports = await query.OrderByDescending(s => s.RequestedAt).Take(200).ToListAsync();
        return TypedResults.Ok(supports.Select(s => new NetworkRequestResponse(s.CorrelationId, s.CurrentState,
            s.Origin.ToString(), s.InstitutionId, s.Urgent, s.RequestedAt, s.Refusals, s.SupporterId is null ? [] : s.MatchReasons,
            s.AcceptedAt, s.ClosedAt, s.FeedbackRating)).ToList());
    }

    public static async Task<Results<Ok<NetworkSettingsResponse>, ProblemHttpResult>> GetSettings(ClaimsPrincipal user,
        IOptions<PeerSupportOptions> options, [AsParameters] PeerSupportServices services)
    {
        if (Caller.From(user).NetworkId is not { } network)
        {
            return Caller.NoNetwork();
        }
        var settings = await services.Db.NetworkSettings.AsNoTracking().SingleOrDefaultAsync(s => s.NetworkId == network)
            ?? NetworkSettings.From(network, options.Value);
        return TypedResults.Ok(ToResponse(settings));
    }

    public static async Task<Results<Ok<NetworkSettingsResponse>, ValidationProblem, ProblemHttpResult>> PutSettings(NetworkSettingsRequest body,
        ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        if (Caller.From(user).NetworkId is not { } network)
        {
            return Caller.NoNetwork();
        }
        var validation = new Validation()
            .Require(body.OfferDeadline >= TimeSpan.FromSeconds(1), nameof(body.OfferDeadline), "At least one second.")
            .Require(body.UrgentOfferDeadline >= TimeSpan.FromSeconds(1), nameof(body.UrgentOfferDeadline), "At least one second.")
            .Require(body.RefusalsBeforeLeadIsTold is >= 1 and <= 20, nameof(body.RefusalsBeforeLeadIsTold), "Between 1 and 20.")
            .Require(body.FirstCheckIn >= TimeSpan.FromSeconds(1), nameof(body.FirstCheckIn), "At least one second.")
            .Require(body.SecondCheckIn > body.FirstCheckIn, nameof(body.SecondCheckIn), "After the first check-in.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }
        var settings = await services.Db.NetworkSettings.SingleOrDefaultAsync(s => s.NetworkId == network);
        if (settings is null)
        {
            settings = new NetworkSettings { NetworkId = network };
            services.Db.NetworkSettings.Add(settings);
        }
        settings.OfferDeadline = body.OfferDeadline;
        settings.UrgentOfferDeadline = body.UrgentOfferDeadline;
        settings.RefusalsBeforeLeadIsTold = body.RefusalsBeforeLeadIsTold;
        settings.FirstCheckIn = body.FirstCheckIn;
        settings.SecondCheckIn = body.SecondCheckIn;
        await services.Db.SaveChangesAsync();
        return TypedResults.Ok(ToResponse(settings));
    }

    private static NetworkSettingsResponse ToResponse(NetworkSettings s) =>
        new(s.OfferDeadline, s.UrgentOfferDeadline, s.RefusalsBeforeLeadIsTold, s.FirstCheckIn, s.SecondCheckIn);
}
