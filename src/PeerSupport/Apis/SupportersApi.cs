using MassTransit;
using System.Security.Claims;
using Haven.Http;
using Haven.Identity;
using Haven.PeerSupport.Messages;
using Haven.PeerSupport.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Haven.PeerSupport.Apis;

/// <summary>The supporter registry: clinicians opt in, pause, resume and leave at will.</summary>
public static class SupportersApi
{
    public const int MaxCapacity = 10;

    public static IEndpointRouteBuilder MapSupportersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/peer-support/supporters/me").RequireAuthorization(HavenPolicies.PeerSupport).WithTags("Supporters");

        api.MapPut("/", Register).WithName("RegisterSupporter").WithSummary("Opt in as a supporter, or update your profile")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/", Get).WithName("GetSupporter").WithSummary("Your supporter profile");
        api.MapPost("/pause", Pause).WithName("PauseSupporter").WithSummary("Take no new requests for now");
        api.MapPost("/resume", Resume).WithName("ResumeSupporter").WithSummary("Take new requests again");
        api.MapDelete("/", Leave).WithName("LeaveSupporters").WithSummary("Leave the supporters");
        return app;
    }

    public static async Task<Results<Ok<SupporterResponse>, ValidationProblem, ProblemHttpResult>> Register(SupporterRequest profile,
        ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        var caller = Caller.From(user);
        if (caller.NetworkId is null)
        {
            return Caller.NoNetwork();
        }
        var validation = new Validation()
            .Text(profile, nameof(profile.FirstName))
            .Text(profile, nameof(profile.PreferredContact))
            .Text(profile, nameof(profile.Role))
            .Text(profile, nameof(profile.Specialty), required: false)
            .Text(profile, nameof(profile.Department))
            .Text(profile, nameof(profile.Region), required: false)
            .Require(profile.Capacity is >= 1 and <= MaxCapacity, nameof(profile.Capacity), $"Between 1 and {MaxCapacity}.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var supporter = await Find(services, caller);
        if (supporter is null)
        {
            supporter = new Supporter
            {
                Id = NewId.NextGuid(),
                UserId = caller.UserId,
                InstitutionId = caller.InstitutionId,
                NetworkId = caller.NetworkId,
                Digest = caller.Digest,
                FirstName = "",
                PreferredContact = "",
                Role = "",
                Department = "",
                RegisteredAt = services.Clock.GetUtcNow(),
            };
            services.Db.Supporters.Add(supporter);
        }
        supporter.NetworkId = caller.NetworkId;
        supporter.FirstName = profile.FirstName.Trim();
        supporter.PreferredContact = profile.PreferredContact.Trim();
        supporter.Role = profile.Role.Trim();
        supporter.Specialty = profile.Specialty?.Trim();
        supporter.Department = profile.Department.Trim();
        supporter.Languages = Validation.Tags(profile.Languages);
        supporter.Region = profile.Region?.Trim();
        supporter.Experience = Validation.Tags(profile.Experience);
        supporter.Capacity = profile.Capacity;
        supporter.Amplifies = profile.Amplifies;
        supporter.ConflictDigests = [.. (profile.Conflicts ?? []).Select(c => Digest.Of(c.InstitutionId, c.Email)).Distinct()];
        // Registering again is how someone who left comes back.
        supporter.LeftAt = null;
        await services.Publish.Publish(new SupportersAvailable(supporter.NetworkId, services.Clock.GetUtcNow()));
        await services.Db.SaveChangesAsync();
        return TypedResults.Ok(ToView(supporter));
    }

    public static async Task<Results<Ok<SupporterResponse>, NotFound>> Get(ClaimsPrincipal user, [AsParameters] PeerSupportServices services) =>
        await Find(services, Caller.From(user)) is { } supporter ? TypedResults.Ok(ToView(supporter)) : TypedResults.NotFound();

    public static Task<Results<Ok<SupporterResponse>, NotFound>> Pause(ClaimsPrincipal user, [AsParameters] PeerSupportServices services) =>
        Update(user, services, supporter => supporter.Paused = true);

    public static Task<Results<Ok<SupporterResponse>, NotFound>> Resume(ClaimsPrincipal user, [AsParameters] PeerSupportServices services) =>
        Update(user, services, supporter => supporter.Paused = false, roomMayHaveOpened: true);

    /// <summary>Leaving keeps the row (past supports refer to it) but takes the supporter out of every future match.</summary>
    public static async Task<Results<NoContent, NotFound>> Leave(ClaimsPrincipal user, [AsParameters] PeerSupportServices services)
    {
        var result = await Update(user, services, supporter => supporter.LeftAt ??= services.Clock.GetUtcNow());
        return result.Result is NotFound ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    internal static Task<Supporter?> Find(PeerSupportServices services, Caller caller) =>
        services.Db.Supporters.SingleOrDefaultAsync(s => s.InstitutionId == caller.InstitutionId && s.UserId == caller.UserId);

    private static async Task<Results<Ok<SupporterResponse>, NotFound>> Update(ClaimsPrincipal user, PeerSupportServices services,
        Action<Supporter> change, bool roomMayHaveOpened = false)
    {
        if (await Find(services, Caller.From(user)) is not { } supporter)
        {
            return TypedResults.NotFound();
        }
        change(supporter);
        if (roomMayHaveOpened)
        {
            await services.Publish.Publish(new SupportersAvailable(supporter.NetworkId, services.Clock.GetUtcNow()));
        }
        await services.Db.SaveChangesAsync();
        return TypedResults.Ok(ToView(supporter));
    }

    private static SupporterResponse ToView(Supporter s) => new(s.Id, s.InstitutionId, s.NetworkId, s.FirstName, s.PreferredContact, s.Role,
        s.Specialty, s.Department, s.Languages, s.Region, s.Experience, s.Capacity, s.Amplifies, s.Paused, s.LeftAt is not null);
}
