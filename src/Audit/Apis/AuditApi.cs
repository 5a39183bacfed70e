using System.Text.Json;
using Haven.Audit.Chain;
using Haven.Audit.Data;
using Haven.Contracts.Audit;
using Haven.Http;
using Haven.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Haven.Audit.Apis;

public static class AuditApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/audit").RequireAuthorization(HavenPolicies.Auditor).WithTags("Audit log");
        api.MapGet("/entries", GetEntries).WithName("ListAuditEntries").WithSummary("The institution's audit entries, in sequence order");
        api.MapGet("/export", Export).WithName("ExportAuditEntries").WithSummary("The same entries as JSON lines, streamed")
            .Produces<AuditEntryResponse>(StatusCodes.Status200OK, "application/x-ndjson");
        api.MapGet("/verify", Verify).WithName("VerifyAuditChain").WithSummary("Recompute the institution's hash chain and locate a tampered row");
        api.MapGet("/checkpoints", GetCheckpoints).WithName("ListCheckpoints").WithSummary("The signed checkpoints of the chain");
        api.MapPost("/checkpoints", CreateCheckpoint).WithName("SignCheckpoint").WithSummary("Verify the chain and sign its head")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/key", GetKey).WithName("GetSigningKey").WithSummary("The public key checkpoints are signed with");
        // Case staff may hand a receipt to the case's reporter; the case-key route is the intake service's to add.
        app.MapGet("api/audit/receipts/{caseId:guid}", GetReceipt).RequireAuthorization(policy => policy
            .RequireAuthenticatedUser().RequireClaim(HavenClaims.Institution)
            .RequireClaim(HavenClaims.Roles, HavenRoles.Auditor, HavenRoles.CaseManager, HavenRoles.InstitutionAdmin))
            .WithTags("Audit log").WithName("GetCaseReceipt").WithSummary("A receipt proving a case's entries are in the signed chain")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<List<AuditEntryResponse>>> GetEntries([AsParameters] AuditQuery query, [AsParameters] AuditServices services,
        CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit ?? DefaultLimit, 1, MaxLimit);
        var entries = await Filter(services.Db.Entries.AsNoTracking(), query).OrderBy(e => e.Sequence).Take(limit)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(AuditEntryResponse.From).ToList());
    }

    /// <summary>JSON lines, streamed in sequence order: one <see cref="AuditEntryResponse"/> per line.</summary>
    public static async Task Export([AsParameters] AuditQuery query, [AsParameters] AuditServices services, HttpResponse response,
        CancellationToken cancellationToken)
    {
        response.ContentType = "application/x-ndjson";
        response.Headers.ContentDisposition = $"attachment; filename=\"audit-{services.InstitutionId}.jsonl\"";
        await foreach (var entry in Filter(services.Db.Entries.AsNoTracking(), query with { Limit = null })
                           .OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await response.WriteAsync(JsonSerializer.Serialize(AuditEntryResponse.From(entry), JsonSerializerOptions.Web) + "\n", cancellationToken);
        }
    }

    /// <param name="from">The first sequence to verify, from 1 (default 1).</param>
    /// <param name="to">The last sequence to verify (default: the chain's head).</param>
    public static async Task<Results<Ok<VerificationResult>, ValidationProblem>> Verify([FromQuery] long? from, [FromQuery] long? to,
        [AsParameters] AuditServices services, CancellationToken cancellationToken)
    {
        if (from is < 1 || to is < 1 || (from is { } f && to is { } t && f > t))
        {
            return new Validation().Require(false, "range", "from and to are sequence numbers from 1, with from <= to.").Problem();
        }
        return TypedResults.Ok(await services.Verifier.VerifyAsync(services.InstitutionId, from ?? 1, to, cancellationToken));
    }

    public static async Task<Ok<List<CheckpointResponse>>> GetCheckpoints([AsParameters] AuditServices services, CancellationToken cancellationToken)
    {
        var checkpoints = await services.Db.Checkpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(cancellationToken);
        return TypedResults.Ok(checkpoints.Select(View).ToList());
    }

    public static async Task<Results<Created<CheckpointResponse>, ProblemHttpResult>> CreateCheckpoint(CheckpointIssuer issuer,
        [AsParameters] AuditServices services, CancellationToken cancellationToken)
    {
        var (checkpoint, verification) = await issuer.SignHeadAsync(services.InstitutionId, sinceLastCheckpoint: false, cancellationToken);
        if (checkpoint is null)
        {
            return TypedResults.Problem(verification.Reason, statusCode: StatusCodes.Status409Conflict,
                title: verification.Valid ? "The chain is empty." : "The chain does not verify.");
        }
        return TypedResults.Created($"/api/audit/checkpoints/{checkpoint.Sequence}", View(checkpoint));
    }

    public static async Task<Ok<SigningKeyResponse>> GetKey([AsParameters] AuditServices services, CancellationToken cancellationToken)
    {
        var (keyId, pem) = await services.Signer.PublicKeyAsync(cancellationToken);
        return TypedResults.Ok(new SigningKeyResponse(keyId, "ES256", pem));
    }

    /// <param name="caseId">The case.</param>
    public static async Task<Results<Ok<CaseReceipt>, NotFound, ProblemHttpResult>> GetReceipt(Guid caseId, CaseReceipts receipts,
        CancellationToken cancellationToken)
    {
        var (receipt, unavailable) = await receipts.BuildAsync(caseId, cancellationToken);
        return receipt is not null ? TypedResults.Ok(receipt)
            : !unavailable!.InChain ? TypedResults.NotFound()
            : TypedResults.Problem(unavailable.Reason, statusCode: StatusCodes.Status409Conflict, title: "No receipt yet.");
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        if (query.CaseId is { } caseId)
        {
            entries = entries.Where(e => e.CaseId == caseId);
        }
        if (query.Actor is { } actor)
        {
            entries = entries.Where(e => e.Actor == actor);
        }
        if (query.Type is { } type)
        {
            entries = entries.Where(e => e.Type == type);
        }
        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }
        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }
        if (query.AfterSequence is { } after)
        {
            entries = entries.Where(e => e.Sequence > after);
        }
        return entries;
    }

    private static CheckpointResponse View(Checkpoint c) => new(c.InstitutionId, c.Sequence, c.HeadHash, c.KeyId, c.Signature, c.SignedAt,
        ChainHasher.CheckpointStatement(c.InstitutionId, c.Sequence, c.HeadHash, c.SignedAt));
}
