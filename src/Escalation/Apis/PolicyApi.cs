using Haven.Contracts.Audit;
using Haven.Escalation.Data;
using Haven.Escalation.Policies;
using Haven.Identity;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Haven.Escalation.Apis;

/// <summary>An institution's admins read and change its escalation ladder; new cases follow the new ladder.</summary>
public static class PolicyApi
{
    public static IEndpointRouteBuilder MapPolicyApi(this IEndpointRouteBuilder endpoints)
    {
        var policy = endpoints.MapGroup("api/cases/policy").RequireAuthorization(HavenPolicies.InstitutionAdmin).WithTags("Escalation policy");
        policy.MapGet("", GetPolicyAsync).WithName("GetEscalationPolicy").WithSummary("The institution's escalation ladder");
        policy.MapPut("", PutPolicyAsync).WithName("PutEscalationPolicy").WithSummary("Replace the institution's escalation ladder for new cases");
        return endpoints;
    }

    private static async Task<Ok<PolicyResponse>> GetPolicyAsync(HttpContext http, EscalationDbContext db)
    {
        var institution = http.User.GetInstitutionId();
        var policy = await db.Policies.AsNoTracking().SingleOrDefaultAsync(p => p.InstitutionId == institution)
            ?? DefaultPolicy.For(institution);
        return TypedResults.Ok(ToResponse(policy));
    }

    private static async Task<Results<Ok<PolicyResponse>, ValidationProblem>> PutPolicyAsync(PolicyRequest body, HttpContext http,
        EscalationDbContext db, IPublishEndpoint publisher, TimeProvider clock)
    {
        var validation = PolicyValidation.Validate(body);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var institution = http.User.GetInstitutionId();
        var policy = await db.Policies.SingleOrDefaultAsync(p => p.InstitutionId == institution);
        if (policy is null)
        {
            policy = new EscalationPolicy { InstitutionId = institution };
            db.Policies.Add(policy);
        }
        policy.Levels = [.. body.Levels.Select(l => new EscalationLevel
        {
            Roles = [.. l.Roles], Critical = l.Critical, High = l.High, Moderate = l.Moderate, Low = l.Low,
        })];
        policy.Repeats = body.Repeats;
        policy.UpdatedAt = clock.GetUtcNow();
        policy.UpdatedBy = http.User.GetUserId();
        // Through the outbox, saved with the ladder: a ladder that changed is in the audit log.
        await publisher.Publish(new InstitutionSettingChanged(institution, policy.UpdatedBy, "escalation-policy",
            $"escalation-policy:{institution}", "updated", policy.UpdatedAt));
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToResponse(policy));
    }

    private static PolicyResponse ToResponse(EscalationPolicy policy) =>
        new([.. policy.Levels.Select(l => new PolicyLevel(l.Roles, l.Critical, l.High, l.Moderate, l.Low))], policy.Repeats);
}
