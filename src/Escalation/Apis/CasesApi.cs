using MassTransit;
using System.Security.Claims;
using Haven.Contracts.Audit;
using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Escalation.Commands;
using Haven.Escalation.StateMachines;
using Haven.Http;
using Haven.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CaseActionResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Accepted,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>;

namespace Haven.Escalation.Apis;

/// <summary>
/// Case managers' work on their institution's cases. Reads are recorded for the audit log; actions are handed
/// to the case's saga through the outbox (202: stored, and it will act), after checking the case can take them.
/// </summary>
public static class CasesApi
{
    public const int MaxText = 4000;

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("api/cases").RequireAuthorization(HavenPolicies.CaseStaff).WithTags("Cases");
        cases.MapGet("", ListCasesAsync).WithName("ListCases").WithSummary("The institution's cases, most severe and newest first");
        cases.MapGet("{id:guid}", GetCaseAsync).WithName("GetCase").WithSummary("A case with its steps and timeline");
        cases.MapGet("{id:guid}/referrals/{pathway}", GetReferralPacketAsync)
            .WithName("GetReferralPacket").WithSummary("A referral packet for one of the case's pathways");
        cases.MapPost("{id:guid}/acknowledge", AcknowledgeAsync)
            .WithName("AcknowledgeCase").WithSummary("Acknowledge a case: the escalation climb stops").ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("{id:guid}/review", StartReviewAsync)
            .WithName("StartCaseReview").WithSummary("Start reviewing an acknowledged case").ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("{id:guid}/notes", AddNoteAsync)
            .WithName("AddCaseNote").WithSummary("Add an internal note to an open case").ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("{id:guid}/content-audit", RecordContentAuditAsync)
            .WithName("RecordContentAudit").WithSummary("Record the outcome of a track B case's content audit")
            .ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("{id:guid}/resolve", ResolveAsync)
            .WithName("ResolveCase").WithSummary("Close an open case as resolved").ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("{id:guid}/dismiss", DismissAsync)
            .WithName("DismissCase").WithSummary("Close an open case as dismissed").ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("{id:guid}/messages", PostReporterMessageAsync)
            .WithName("PostReporterMessage").WithSummary("Send the case's reporters a message they read with their case key");
        return endpoints;
    }

    private static readonly CaseStatus[] OpenStatuses =
        [CaseStatus.AwaitingAcknowledgement, CaseStatus.Acknowledged, CaseStatus.InReview];

    /// <param name="status">Only cases that stand here.</param>
    /// <param name="severity">Only cases of this severity.</param>
    /// <param name="track">Only cases of this track.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Cases per page, 1 to 100.</param>
    private static async Task<Results<Ok<CaseListResponse>, ValidationProblem>> ListCasesAsync(ClaimsPrincipal user,
        [AsParameters] CaseServices services, CaseStatus? status = null, Severity? severity = null, Track? track = null,
        int page = 1, int pageSize = 25)
    {
        if (page < 1 || pageSize is < 1 or > 100)
        {
            return new Validation().Require(false, page < 1 ? "page" : "pageSize", "page starts at 1; pageSize is between 1 and 100.").Problem();
        }

        var query = services.Db.Cases.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(c => c.CurrentState == s.ToString());
        }
        if (severity is { } v)
        {
            query = query.Where(c => c.Severity == v);
        }
        if (track is { } t)
        {
            query = query.Where(c => c.Track == t);
        }
        var total = await query.CountAsync();
        var cases = await query.OrderByDescending(c => c.Severity).ThenByDescending(c => c.OpenedAt)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();

        await RecordReadsAsync(services, user, cases, "case-summary");
        return TypedResults.Ok(new CaseListResponse([.. cases.Select(c => c.ToSummary())], page, pageSize, total));
    }

    /// <param name="id">The case.</param>
    private static async Task<Results<Ok<CaseResponse>, NotFound>> GetCaseAsync(Guid id, ClaimsPrincipal user,
        [AsParameters] CaseServices services)
    {
        var found = await services.Db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.CorrelationId == id);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        await RecordReadsAsync(services, user, [found], "case");
        return TypedResults.Ok(found.ToDetail());
    }

    /// <param name="id">The case.</param>
    /// <param name="pathway"><c>platform</c>, <c>law-enforcement</c> or <c>federal-authorities</c>, one of the case's pathways (404 otherwise).</param>
    private static async Task<Results<Ok<ReferralPacketResponse>, NotFound>> GetReferralPacketAsync(Guid id, string pathway,
        ClaimsPrincipal user, [AsParameters] CaseServices services)
    {
        var found = await services.Db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.CorrelationId == id);
        if (found is null || !ReferralPacketResponse.Pathways.TryGetValue(pathway, out var kind) || !found.Pathways.Contains(kind))
        {
            return TypedResults.NotFound();
        }
        await RecordReadsAsync(services, user, [found], $"referral-packet:{pathway}");
        return TypedResults.Ok(ReferralPacketResponse.For(found, pathway, services.Clock.GetUtcNow().UtcDateTime));
    }

    /// <param name="id">The case.</param>
    private static Task<CaseActionResult> AcknowledgeAsync(Guid id, ClaimsPrincipal user, [AsParameters] CaseServices services) =>
        ActAsync(id, services, [CaseStatus.AwaitingAcknowledgement], new AcknowledgeCase(id, user.GetUserId()));

    /// <param name="id">The case.</param>
    private static Task<CaseActionResult> StartReviewAsync(Guid id, ClaimsPrincipal user, [AsParameters] CaseServices services) =>
        ActAsync(id, services, [CaseStatus.Acknowledged], new StartCaseReview(id, user.GetUserId()));

    /// <param name="id">The case.</param>
    private static Task<CaseActionResult> ResolveAsync(Guid id, CloseCaseRequest body, ClaimsPrincipal user,
        [AsParameters] CaseServices services) => CloseAsync(id, body, user, services, CaseOutcome.Resolved);

    /// <param name="id">The case.</param>
    private static Task<CaseActionResult> DismissAsync(Guid id, CloseCaseRequest body, ClaimsPrincipal user,
        [AsParameters] CaseServices services) => CloseAsync(id, body, user, services, CaseOutcome.Dismissed);

    /// <param name="id">The case.</param>
    private static Task<CaseActionResult> AddNoteAsync(Guid id,
        AddNoteRequest body, ClaimsPrincipal user, [AsParameters] CaseServices services) =>
        new Validation().Text(body.Text, "text", MaxText) is { IsValid: false } invalid
            ? Task.FromResult<CaseActionResult>(invalid.Problem())
            : ActAsync(id, services, OpenStatuses, new AddCaseNote(id, user.GetUserId(), body.Text!.Trim()));

    /// <param name="id">The case.</param>
    private static async Task<CaseActionResult> RecordContentAuditAsync(
        Guid id, ContentAuditRequest body, ClaimsPrincipal user, [AsParameters] CaseServices services)
    {
        if (new Validation().Text(body.Outcome, "outcome", MaxText) is { IsValid: false } invalid)
        {
            return invalid.Problem();
        }
        var track = await services.Db.Cases.AsNoTracking().Where(c => c.CorrelationId == id).Select(c => (Track?)c.Track).SingleOrDefaultAsync();
        if (track == Track.Harassment)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: "A content audit belongs to track B cases.");
        }
        return await ActAsync(id, services, OpenStatuses, new RecordContentAudit(id, user.GetUserId(), body.Outcome!.Trim()));
    }

    private static Task<CaseActionResult> CloseAsync(Guid id,
        CloseCaseRequest body, ClaimsPrincipal user, CaseServices services, CaseOutcome outcome) =>
        new Validation().Text(body.Note, "note", MaxText, required: false) is { IsValid: false } invalid
            ? Task.FromResult<CaseActionResult>(invalid.Problem())
            : ActAsync(id, services, OpenStatuses, new CloseCase(id, user.GetUserId(), outcome, body.Note?.Trim()));

    /// <param name="id">The case.</param>
    private static async Task<CaseActionResult> PostReporterMessageAsync(
        Guid id, ReporterMessageRequest body, ClaimsPrincipal user, [AsParameters] CaseServices services)
    {
        if (new Validation().Text(body.Text, "text", MaxText) is { IsValid: false } invalid)
        {
            return invalid.Problem();
        }
        var found = await services.Db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.CorrelationId == id);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        await services.Publisher.Publish(new ReporterMessagePosted(NewId.NextGuid(), id, found.InstitutionId, body.Text!.Trim(),
            services.Clock.GetUtcNow(), user.GetUserId()));
        await services.Db.SaveChangesAsync();
        return TypedResults.Accepted($"/api/cases/{id}");
    }

    private static async Task<CaseActionResult> ActAsync<TCommand>(Guid id,
        CaseServices services, CaseStatus[] allowedFrom, TCommand command) where TCommand : class
    {
        var state = await services.Db.Cases.AsNoTracking().Where(c => c.CorrelationId == id).Select(c => c.CurrentState).SingleOrDefaultAsync();
        if (state is null)
        {
            return TypedResults.NotFound();
        }
        if (!allowedFrom.Contains(Enum.Parse<CaseStatus>(state)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: $"A case that is {state} cannot take this action.");
        }
        // Stored in the outbox with nothing else: the saga acts on it once it is delivered.
        await services.Publisher.Publish(command);
        await services.Db.SaveChangesAsync();
        return TypedResults.Accepted($"/api/cases/{id}");
    }

    private static async Task RecordReadsAsync(CaseServices services, ClaimsPrincipal user, IEnumerable<CaseState> cases, string what)
    {
        var actor = user.GetUserId();
        var now = services.Clock.GetUtcNow();
        foreach (var read in cases)
        {
            await services.Publisher.Publish(new CaseDataRead(read.InstitutionId, read.CorrelationId, actor, what, now));
        }
        await services.Db.SaveChangesAsync();
    }
}
