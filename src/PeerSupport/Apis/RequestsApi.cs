using MassTransit;
using System.Security.Claims;
using Haven.Http;
using Haven.Identity;
using Haven.PeerSupport.Messages;
using Haven.PeerSupport.Model;
using Haven.PeerSupport.StateMachines;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Haven.PeerSupport.Apis;

/// <summary>
/// Ways in (self-referral, colleague referral; case requests arrive over the broker) and the support itself.
/// Only the requester, the supporter and the network's lead see a request; notes are the supporter's alone.
/// </summary>
public static class RequestsApi
{
    public static IEndpointRouteBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/peer-support").RequireAuthorization().WithTags("Support requests");

        api.MapPost("/requests", RequestForSelf).WithName("RequestSupport").WithSummary("Ask for peer support for yourself")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/referrals", ReferColleague).WithName("ReferColleague").WithSummary("Refer a colleague for peer support")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/requests/mine", Mine).WithName("ListMyRequests").WithSummary("Your requests, and those you support or were offered");
        api.MapGet("/requests/{id:guid}", Get).WithName("GetRequest").WithSummary("A request, as its requester, supporter or network lead sees it");
        api.MapPost("/requests/{id:guid}/close", Close).WithName("CloseRequest").WithSummary("Close a support, with the requester's feedback")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var supporter = api.MapGroup("/requests/{id:guid}").RequireAuthorization(HavenPolicies.PeerSupport);
        supporter.MapPost("/accept", Accept)
            .WithName("AcceptOffer").WithSummary("Accept the offer to support a request").ProducesProblem(StatusCodes.Status409Conflict);
        supporter.MapPost("/decline", Decline)
            .WithName("DeclineOffer").WithSummary("Decline the offer to support a request").ProducesProblem(StatusCodes.Status409Conflict);
        supporter.MapPost("/touch-base", TouchBase).WithName("TouchBase").WithSummary("Record the supporter's first contact")
            .ProducesProblem(StatusCodes.Status409Conflict);
        supporter.MapPost("/notes", AddNote).WithName("AddSupportNote").WithSummary("Add a note or check-in record, the supporter's alone")
            .ProducesProblem(StatusCodes.Status409Conflict);
        supporter.MapGet("/notes", GetNotes).WithName("ListSupportNotes").WithSummary("The supporter's notes on a request");
        return app;
    }

    public static async Task<Results<Accepted<AcceptedResponse>, ValidationProblem, ProblemHttpResult>> RequestForSelf(SelfReferralRequest body,
        ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        var caller = Caller.From(user);
        if (caller.NetworkId is null)
        {
            return Caller.NoNetwork();
        }
        var validation = Validate(new Validation(), body);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }
        var conflicts = (body.Conflicts ?? []).Select(c => Digest.Of(c.InstitutionId, c.Email)).Distinct().ToList();
        return await Submit(services, new SupportRequested(NewId.NextGuid(), SupportOrigin.SelfReferral, caller.InstitutionId,
            caller.NetworkId, caller.Digest, null, body.FirstName.Trim(), body.PreferredContact.Trim(), body.Department?.Trim(),
            Validation.Tags(body.Languages), Validation.Tags(body.Experience), body.PreferAnotherInstitution, conflicts, body.Urgent,
            services.Clock.GetUtcNow()));
    }

    public static async Task<Results<Accepted<AcceptedResponse>, ValidationProblem, ProblemHttpResult>> ReferColleague(ColleagueReferralRequest body,
        ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        var caller = Caller.From(user);
        if (caller.NetworkId is null)
        {
            return Caller.NoNetwork();
        }
        var validation = Validate(new Validation().Text(body, nameof(body.ColleagueEmail)), body);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }
        // The referrer is neither the supported person nor, ever, their supporter.
        return await Submit(services, new SupportRequested(NewId.NextGuid(), SupportOrigin.ColleagueReferral, caller.InstitutionId,
            caller.NetworkId, Digest.Of(caller.InstitutionId, body.ColleagueEmail), caller.Digest, body.FirstName.Trim(),
            body.PreferredContact.Trim(), body.Department?.Trim(), Validation.Tags(body.Languages), Validation.Tags(body.Experience),
            body.PreferAnotherInstitution, [caller.Digest], body.Urgent, services.Clock.GetUtcNow()));
    }

    /// <summary>The caller's own requests, and those they support or were offered.</summary>
    public static async Task<Ok<List<SupportResponse>>> Mine(ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        var caller = Caller.From(user);
        var supports = await services.Db.Supports.AsNoTracking()
            .Where(s => s.RequesterDigest == caller.Digest
                || (s.SupporterUserId == caller.UserId && s.SupporterInstitutionId == caller.InstitutionId))
            .OrderByDescending(s => s.RequestedAt)
            .Take(100)
            .ToListAsync();
        var views = new List<SupportResponse>();
        foreach (var support in supports)
        {
            var part = Participation.Of(support, caller);
            views.Add(Participation.View(support, part, part == Part.Requester ? await SupporterHandOff(services, support) : null));
        }
        return TypedResults.Ok(views);
    }

    /// <param name="id">The request.</param>
    public static async Task<Results<Ok<SupportResponse>, NotFound>> Get(Guid id, ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        var caller = Caller.From(user);
        if (await Find(services, id) is not { } support || Participation.Of(support, caller) is not (var part and not Part.None))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(Participation.View(support, part, part == Part.Requester ? await SupporterHandOff(services, support) : null));
    }

    /// <param name="id">The request.</param>
    public static Task<Results<Accepted, NotFound, ProblemHttpResult>> Accept(Guid id, ClaimsPrincipal user,
        [AsParameters] PeerSupportServices services) => Answer(id, true, user, services);

    /// <param name="id">The request.</param>
    public static Task<Results<Accepted, NotFound, ProblemHttpResult>> Decline(Guid id, ClaimsPrincipal user,
        [AsParameters] PeerSupportServices services) => Answer(id, false, user, services);

    public static async Task<Results<Accepted, NotFound, ProblemHttpResult>> Answer(Guid id, bool accepted, ClaimsPrincipal user,
        PeerSupportServices services)
    {
        var caller = Caller.From(user);
        if (await Find(services, id) is not { } support || Participation.Of(support, caller) != Part.Supporter)
        {
            return TypedResults.NotFound();
        }
        if (support.CurrentState != nameof(SupportStateMachine.Offered))
        {
            return Conflict("The request is no longer waiting for an answer.");
        }
        await services.Publish.Publish(new OfferAnswered(id, support.SupporterId!.Value, accepted, services.Clock.GetUtcNow()));
        await services.Db.SaveChangesAsync();
        return TypedResults.Accepted($"/api/peer-support/requests/{id}");
    }

    /// <param name="id">The request.</param>
    public static async Task<Results<Accepted, NotFound, ProblemHttpResult>> TouchBase(Guid id, ClaimsPrincipal user,
        [AsParameters] PeerSupportServices services)
    {
        var caller = Caller.From(user);
        if (await Find(services, id) is not { } support || Participation.Of(support, caller) != Part.Supporter)
        {
            return TypedResults.NotFound();
        }
        if (support.CurrentState != nameof(SupportStateMachine.Matched))
        {
            return Conflict("Touching base follows acceptance, once.");
        }
        await services.Publish.Publish(new TouchedBase(id, support.SupporterId!.Value, services.Clock.GetUtcNow()));
        await services.Db.SaveChangesAsync();
        return TypedResults.Accepted($"/api/peer-support/requests/{id}");
    }

    /// <param name="id">The request.</param>
    public static async Task<Results<Created<SupportNoteResponse>, NotFound, ProblemHttpResult, ValidationProblem>> AddNote(Guid id, SupportNoteRequest body,
        ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        // The body first, as every endpoint checks it: a 400 says nothing of whether the support exists.
        var validation = new Validation().Text(body, nameof(body.Text));
        if (!validation.IsValid)
        {
            return validation.Problem();
        }
        var caller = Caller.From(user);
        if (await Find(services, id) is not { } support || Participation.Of(support, caller) != Part.Supporter)
        {
            return TypedResults.NotFound();
        }
        if (!Participation.IsAccepted(support))
        {
            return Conflict("Notes belong to an accepted support.");
        }
        var note = new SupportNote
        {
            Id = NewId.NextGuid(),
            RequestId = id,
            SupporterId = support.SupporterId!.Value,
            IsCheckIn = body.CheckIn,
            Text = body.Text,
            WrittenAt = services.Clock.GetUtcNow(),
        };
        services.Db.Notes.Add(note);
        await services.Db.SaveChangesAsync();
        return TypedResults.Created($"/api/peer-support/requests/{id}/notes", ToView(note));
    }

    /// <param name="id">The request.</param>
    public static async Task<Results<Ok<List<SupportNoteResponse>>, NotFound>> GetNotes(Guid id, ClaimsPrincipal user,
        [AsParameters] PeerSupportServices services)
    {
        var caller = Caller.From(user);
        if (await Find(services, id) is not { } support || Participation.Of(support, caller) != Part.Supporter)
        {
            return TypedResults.NotFound();
        }
        var notes = await services.Db.Notes.AsNoTracking()
            .Where(n => n.RequestId == id && n.SupporterId == support.SupporterId)
            .OrderBy(n => n.WrittenAt)
            .ToListAsync();
        return TypedResults.Ok(notes.Select(ToView).ToList());
    }

    /// <param name="id">The request.</param>
    public static async Task<Results<Accepted, NotFound, ProblemHttpResult, ValidationProblem>> Close(Guid id, CloseSupportRequest? body,
        ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        // The body first, as every endpoint checks it: a 400 says nothing of whether the support exists.
        var validation = new Validation()
            .Require(body?.Rating is null or (>= 1 and <= 5), nameof(CloseSupportRequest.Rating), "Between 1 and 5.")
            .Text(body ?? new CloseSupportRequest(null, null), nameof(CloseSupportRequest.Comment), required: false);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }
        var caller = Caller.From(user);
        if (await Find(services, id) is not { } support || Participation.Of(support, caller) is not (var part and not Part.None))
        {
            return TypedResults.NotFound();
        }
        if (support.CurrentState == nameof(SupportStateMachine.Closed))
        {
            return Conflict("The support is already closed.");
        }
        // Feedback is the supported person's to give.
        var feedback = part == Part.Requester ? body : null;
        await services.Publish.Publish(new SupportEnded(id, feedback?.Rating, feedback?.Comment, services.Clock.GetUtcNow()));
        await services.Db.SaveChangesAsync();
        return TypedResults.Accepted($"/api/peer-support/requests/{id}");
    }

    /// <summary>What a self-referral and a colleague's referral both give: the person's name, how to reach them, their department.</summary>
    private static Validation Validate<T>(Validation validation, T body) where T : notnull =>
        validation
            .Text(body, nameof(SelfReferralRequest.FirstName))
            .Text(body, nameof(SelfReferralRequest.PreferredContact))
            .Text(body, nameof(SelfReferralRequest.Department), required: false);

    private static async Task<Accepted<AcceptedResponse>> Submit(PeerSupportServices services, SupportRequested request)
    {
        await services.Publish.Publish(request);
        await services.Db.SaveChangesAsync();
        return TypedResults.Accepted($"/api/peer-support/requests/{request.RequestId}", new AcceptedResponse(request.RequestId));
    }

    private static Task<SupportState?> Find(PeerSupportServices services, Guid id) =>
        services.Db.Supports.AsNoTracking().SingleOrDefaultAsync(s => s.CorrelationId == id);

    private static async Task<HandOff?> SupporterHandOff(PeerSupportServices services, SupportState support) =>
        support.SupporterId is null ? null : await services.Db.Supporters.AsNoTracking()
            .Where(s => s.Id == support.SupporterId)
            .Select(s => new HandOff(s.FirstName, s.PreferredContact))
            .SingleOrDefaultAsync();

    private static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict);

    private static SupportNoteResponse ToView(SupportNote note) => new(note.Id, note.Text, note.IsCheckIn, note.WrittenAt);
}
