using System.Security.Claims;
using Haven.Contracts.Audit;
using Haven.Contracts.Cases;
using Haven.Http;
using Haven.Identity;
using Haven.Intake.CaseKeys;
using Haven.Intake.Data;
using Haven.Intake.Reports;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Haven.Intake.Apis;

public static class ReportsApi
{
    public const string CaseKeyPolicy = "case-key";

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/intake").WithTags("Reports");

        api.MapPost("/reports", SubmitReport).AllowAnonymous()
            .WithName("SubmitReport").WithSummary("Submit a report, anonymously or signed in")
            .WithDescription("202: stored with its event. An anonymous reporter gets a case key and secret, shown once.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/follow-up", GetFollowUp).RequireAuthorization(CaseKeyPolicy)
            .WithName("GetFollowUp").WithSummary("The reporter's view of their report, with the case key");
        api.MapPost("/follow-up/withdraw", Withdraw).RequireAuthorization(CaseKeyPolicy)
            .WithName("WithdrawReport").WithSummary("Withdraw the report, with the case key");
        api.MapPost("/follow-up/messages", Reply).RequireAuthorization(CaseKeyPolicy)
            .WithName("ReplyToCaseManagers").WithSummary("Answer the case managers, with the case key")
            .WithDescription("202: stored with its event; the case's staff read it in the case's timeline.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/follow-up/receipt", GetReceipt).RequireAuthorization(CaseKeyPolicy)
            .WithName("GetFollowUpReceipt").WithSummary("The audit log's receipt for the reporter's case, with the case key")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/cases/{caseId:guid}/evidence", GetCaseEvidence).RequireAuthorization(HavenPolicies.CaseStaff)
            .WithName("GetCaseEvidence").WithSummary("Everything reported into a case, for its case staff");

        return app;
    }

    public static async Task<Results<Accepted<SubmitReportResponse>, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>> SubmitReport(
        SubmitReportRequest request, ClaimsPrincipal user, HttpRequest http, [AsParameters] IntakeServices services,
        CancellationToken cancellationToken)
    {
        var signedIn = user.Identity?.IsAuthenticated == true;
        // Anonymous is welcome; a token that fails validation is not silently downgraded to anonymous.
        if (!signedIn && http.Headers.Authorization.Count > 0)
        {
            return TypedResults.Unauthorized();
        }
        if (signedIn && !HavenRoles.All.Any(user.HasRole))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "The token carries no Haven role.");
        }

        if (!ReportValidator.TryValidate(request, services.Directory.Institutions, signedIn, services.Time.GetUtcNow(),
                out var draft, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }
        // 403, not 400: the form is valid, but a signed-in reporter files only with their own institution.
        if (signedIn && user.GetInstitutionId() != draft!.InstitutionId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                detail: "A signed-in reporter files reports with their own institution.");
        }

        var submission = await services.Intake.SubmitAsync(draft!, signedIn ? user.GetUserId() : null, cancellationToken);
        return TypedResults.Accepted((string?)null,
            new SubmitReportResponse(submission.ReportId, submission.CaseId, submission.Held, submission.CaseKey, submission.CaseSecret));
    }

    public static async Task<Results<Ok<FollowUpResponse>, NotFound>> GetFollowUp(ClaimsPrincipal user, [AsParameters] IntakeServices services,
        CancellationToken cancellationToken)
    {
        var reportId = ReportOf(user);
        var db = services.Db;
        var found = await db.Reports.AsNoTracking()
            .Where(r => r.Id == reportId)
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { Report = r, Case = c })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        var messages = await db.ReporterMessages.AsNoTracking()
            .Where(m => m.CaseId == found.Case.Id && (m.FromReportId == null || m.FromReportId == reportId))
            .OrderBy(m => m.PostedAt)
            .Select(m => new FollowUpMessage(m.Id, m.Text, m.PostedAt, m.FromReportId != null))
            .ToListAsync(cancellationToken);
        var notices = await db.CaseKeyNotices.AsNoTracking()
            .Where(n => n.CaseId == found.Case.Id)
            .OrderBy(n => n.CreatedAt)
            .Select(n => new FollowUpNotice(n.Id, n.Title, n.Body, n.CreatedAt))
            .ToListAsync(cancellationToken);

        // A held report is not the institution's business yet, so its reads are not in the institution's log either.
        if (found.Report.PublishedAt is not null)
        {
            await services.Publish.Publish(new CaseDataRead(found.Report.InstitutionId, found.Case.Id, "case-key", "follow-up",
                services.Time.GetUtcNow()), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(new FollowUpResponse(found.Report.Id, found.Case.Id, found.Case.Status, found.Report.PublishedAt is null,
            found.Report.SubmittedAt, found.Case.StatusChangedAt, found.Report.WithdrawnAt, messages, notices));
    }

    public static async Task<Results<Ok<WithdrawReportResponse>, NotFound>> Withdraw(ClaimsPrincipal user, [AsParameters] IntakeServices services,
        CancellationToken cancellationToken)
    {
        var report = await services.Withdrawal.WithdrawAsync(ReportOf(user), cancellationToken);
        return report is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new WithdrawReportResponse(report.Id, report.CaseId, report.WithdrawnAt!.Value));
    }

    /// <summary>
    /// The reporter answers the case managers. Only while someone can read it: a held report has not reached the
    /// institution, and a withdrawn report or a closed case has nobody left to answer.
    /// </summary>
    public static async Task<Results<Accepted<FollowUpMessage>, ValidationProblem, NotFound, ProblemHttpResult>> Reply(ReplyRequest request,
        ClaimsPrincipal user, [AsParameters] IntakeServices services, CancellationToken cancellationToken)
    {
        if (new Validation().Text(request.Text, "text", ReportLimits.ReplyLength) is { IsValid: false } invalid)
        {
            return invalid.Problem();
        }
        var db = services.Db;
        var found = await db.Reports.AsNoTracking()
            .Where(r => r.Id == ReportOf(user))
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { Report = r, Case = c })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        if (found.Report.PublishedAt is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Your report is held.",
                detail: "Nobody at the institution reads your report, or a reply, until someone else reports the same person.");
        }
        if (found.Report.WithdrawnAt is not null || IntakeCase.Closed.Contains(found.Case.Status))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The case is closed.",
                detail: "Your report was withdrawn or its case is closed: nobody is there to read a reply.");
        }

        var reply = new ReporterMessage
        {
            Id = NewId.NextGuid(), CaseId = found.Case.Id, InstitutionId = found.Report.InstitutionId, Text = request.Text!.Trim(),
            PostedAt = services.Time.GetUtcNow(), FromReportId = found.Report.Id,
        };
        db.ReporterMessages.Add(reply);
        await services.Publish.Publish(new ReporterReplied(reply.Id, reply.CaseId, found.Report.Id, reply.InstitutionId, reply.Text,
            reply.PostedAt), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        services.Logger.LogInformation("Reply {MessageId} from a reporter of case {CaseId} of {InstitutionId} kept", reply.Id, reply.CaseId,
            reply.InstitutionId);
        return TypedResults.Accepted((string?)null, new FollowUpMessage(reply.Id, reply.Text, reply.PostedAt, FromReporter: true));
    }

    /// <summary>The audit log's receipt for the reporter's case, which they can check without trusting Haven's word.</summary>
    public static async Task<Results<Ok<CaseReceipt>, NotFound, ProblemHttpResult>> GetReceipt(ClaimsPrincipal user, IBus bus,
        [AsParameters] IntakeServices services, CancellationToken cancellationToken)
    {
        var report = await services.Db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ReportOf(user), cancellationToken);
        // A held report is not in the institution's log: it has not reached the institution.
        if (report?.PublishedAt is null)
        {
            return TypedResults.NotFound();
        }

        await services.Publish.Publish(new CaseDataRead(report.InstitutionId, report.CaseId, "case-key", "receipt", services.Time.GetUtcNow()),
            cancellationToken);
        await services.Db.SaveChangesAsync(cancellationToken);
        // From the bus itself, not the request's outbox: the request must leave now, while this handler waits for the answer.
        var client = bus.CreateRequestClient<GetCaseReceipt>(RequestTimeout.After(s: 15));
        Response<CaseReceipt, CaseReceiptUnavailable> response;
        try
        {
            response = await client.GetResponse<CaseReceipt, CaseReceiptUnavailable>(new GetCaseReceipt(report.CaseId, report.InstitutionId),
                cancellationToken);
        }
        catch (RequestTimeoutException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The audit log did not answer in time; try again later.");
        }
        if (response.Is(out Response<CaseReceipt>? receipt))
        {
            return TypedResults.Ok(receipt.Message);
        }
        return response.Is(out Response<CaseReceiptUnavailable>? unavailable) && unavailable.Message.InChain
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No receipt yet.",
                detail: "The audit log has your report, but no signed checkpoint covers it yet; try again later.")
            : TypedResults.NotFound();
    }

    private static Guid ReportOf(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(CaseKeyAuthenticationHandler.ReportClaim)!);

    /// <param name="caseId">The case.</param>
    public static async Task<Results<Ok<CaseEvidenceResponse>, NotFound>> GetCaseEvidence(Guid caseId, ClaimsPrincipal user,
        [AsParameters] IntakeServices services, CancellationToken cancellationToken)
    {
        // The tenant filter makes another institution's case simply absent; held reports are not released yet.
        var reports = await services.Db.Reports.AsNoTracking()
            .Where(r => r.CaseId == caseId && r.PublishedAt != null)
            .Include(r => r.Urls)
            .Include(r => r.Evidence)
            .OrderBy(r => r.SubmittedAt)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return TypedResults.NotFound();
        }

        // The read is recorded before the data leaves: no audit entry, no evidence.
        await services.Publish.Publish(new CaseDataRead(user.GetInstitutionId(), caseId, user.GetUserId(), "evidence",
            services.Time.GetUtcNow()), cancellationToken);
        await services.Db.SaveChangesAsync(cancellationToken);
        services.Logger.LogInformation("Evidence of case {CaseId} read by {UserId} of {InstitutionId}", caseId, user.GetUserId(),
            user.GetInstitutionId());

        return TypedResults.Ok(new CaseEvidenceResponse(caseId, [.. reports.Select(r => new ReportEvidence(
            r.Id, r.SubmittedAt, r.Track, r.Categories, r.Context, r.AdvocacyTopic, r.Platform, [.. r.Urls.Select(u => u.Url)],
            r.Description, r.SubjectName, r.SubjectDepartment, r.Disclosure, r.ReporterUserId, r.ReporterName, r.ReporterEmail,
            [.. r.Evidence.OrderBy(e => e.Id).Select(e => new EvidenceSeen(e.Url, e.Handle, e.SeenAt, e.Text, e.TextSha256))]))]));
    }
}
