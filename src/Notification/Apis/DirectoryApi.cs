using System.Security.Claims;
using Haven.Http;
using Haven.Identity;
using Haven.Notification.Data;
using Haven.Notification.Delivery;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Haven.Notification.Apis;

/// <summary>The institution's people, roles and preferences, managed by its admins; each person also manages their own preferences.</summary>
public static class DirectoryApi
{
    // Entries are named by their id: the address is personal data the log must not keep.
    private const string Setting = "directory";

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var directory = app.MapGroup("api/notifications/directory").RequireAuthorization(HavenPolicies.InstitutionAdmin).WithTags("Directory");
        directory.MapGet("/", GetPeople).WithName("ListPeople").WithSummary("The institution's people, optionally of one role");
        directory.MapGet("/{id:guid}", GetPerson).WithName("GetPerson").WithSummary("One person of the directory");
        directory.MapPost("/", CreatePerson).WithName("CreatePerson").WithSummary("Add a person to the directory");
        directory.MapPut("/{id:guid}", UpdatePerson).WithName("UpdatePerson").WithSummary("Change a person's roles, channels or preferences");
        directory.MapDelete("/{id:guid}", DeletePerson).WithName("DeletePerson").WithSummary("Remove a person from the directory");

        var own = app.MapGroup("api/notifications/preferences").RequireAuthorization(HavenPolicies.AnyRole).WithTags("Preferences");
        own.MapGet("/", GetOwnPreferences).WithName("GetOwnPreferences").WithSummary("Your own notification preferences");
        own.MapPut("/", UpdateOwnPreferences).WithName("UpdateOwnPreferences").WithSummary("Change your own notification preferences");
        return app;
    }

    /// <param name="role">Only the people with this role, e.g. <c>case-manager</c>.</param>
    public static async Task<Ok<List<PersonResponse>>> GetPeople([AsParameters] NotificationServices services, string? role,
        CancellationToken cancellationToken)
    {
        var people = services.Db.People.AsNoTracking();
        if (role is not null)
        {
            people = people.Where(p => p.Roles.Contains(role));
        }
        var list = await people.OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(PersonResponse.From).ToList());
    }

    /// <param name="id">The directory entry.</param>
    public static async Task<Results<Ok<PersonResponse>, NotFound>> GetPerson(Guid id, [AsParameters] NotificationServices services,
        CancellationToken cancellationToken) =>
        await services.Db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is { } person
            ? TypedResults.Ok(PersonResponse.From(person))
            : TypedResults.NotFound();

    public static async Task<Results<Created<PersonResponse>, ValidationProblem>> CreatePerson(PersonRequest request,
        ClaimsPrincipal user, [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        var validation = DirectoryValidation.Validate(request);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }
        var person = new Person
        {
            Id = NewId.NextGuid(), InstitutionId = services.InstitutionId, UserId = "", DisplayName = "", Email = "", Digest = "",
        };
        Apply(person, request, services);
        services.Db.People.Add(person);
        await services.AuditChange(user, Setting, SubjectRef(person.Id), "created", cancellationToken);
        if (!await TrySave(services.Db, cancellationToken))
        {
            return Duplicate();
        }
        return TypedResults.Created($"/api/notifications/directory/{person.Id}", PersonResponse.From(person));
    }

    /// <param name="id">The directory entry.</param>
    public static async Task<Results<Ok<PersonResponse>, NotFound, ValidationProblem>> UpdatePerson(Guid id, PersonRequest request,
        ClaimsPrincipal user, [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        var validation = DirectoryValidation.Validate(request);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }
        var person = await services.Db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        Apply(person, request, services);
        await services.AuditChange(user, Setting, SubjectRef(id), "updated", cancellationToken);
        return await TrySave(services.Db, cancellationToken) ? TypedResults.Ok(PersonResponse.From(person)) : Duplicate();
    }

    /// <param name="id">The directory entry.</param>
    public static async Task<Results<NoContent, NotFound>> DeletePerson(Guid id, ClaimsPrincipal user,
        [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        var person = await services.Db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        services.Db.People.Remove(person);
        await services.AuditChange(user, Setting, SubjectRef(id), "removed", cancellationToken);
        try
        {
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another admin removed them between the read and the delete: gone, and their removal is the one logged.
            return TypedResults.NotFound();
        }
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<PreferencesResponse>, NotFound>> GetOwnPreferences(HttpContext http,
        [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        var userId = http.User.GetUserId();
        return await services.Db.People.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken) is { } person
            ? TypedResults.Ok(PreferencesResponse.From(person))
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<PreferencesResponse>, NotFound, ValidationProblem>> UpdateOwnPreferences(PreferencesRequest request,
        HttpContext http, [AsParameters] NotificationServices services, CancellationToken cancellationToken)
    {
        var validation = DirectoryValidation.ValidatePreferences(request);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }
        var userId = http.User.GetUserId();
        var person = await services.Db.People.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        DirectoryValidation.Apply(person, request);
        person.UpdatedAt = services.Clock.GetUtcNow();
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PreferencesResponse.From(person));
    }

    private static void Apply(Person person, PersonRequest request, NotificationServices services)
    {
        person.UserId = request.UserId!.Trim();
        person.DisplayName = request.DisplayName!.Trim();
        person.Email = request.Email!.Trim();
        person.Digest = SubjectDigest.For(services.InstitutionId, person.Email);
        person.Roles = [.. (request.Roles ?? []).Distinct()];
        if (request.Channels is { } channels)
        {
            person.Channels = [.. channels.Distinct()];
        }
        if (request.Preferences is { } preferences)
        {
            DirectoryValidation.Apply(person, preferences);
        }
        person.UpdatedAt = services.Clock.GetUtcNow();
    }

    private static string SubjectRef(Guid id) => $"person:{id}";

    private static async Task<bool> TrySave(NotificationDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }

    private static ValidationProblem Duplicate() =>
        new Validation().Require(false, "email", "Someone in the directory already has this email or user id.").Problem();
}
