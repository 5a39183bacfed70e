using Haven.Escalation.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Escalation.Policies;

/// <summary>
/// The ladder a new case follows: its institution's own, or the default. The case saga asks through this, so that its
/// rules can run on MassTransit's test harness with a ladder the test chooses.
/// </summary>
public interface IEscalationPolicies
{
    Task<EscalationPolicy> ForAsync(string institutionId, CancellationToken cancellationToken);
}

/// <summary>The institutions' ladders as stored, read on the saga's own (scoped) DbContext.</summary>
public sealed class StoredEscalationPolicies(EscalationDbContext db) : IEscalationPolicies
{
    public async Task<EscalationPolicy> ForAsync(string institutionId, CancellationToken cancellationToken) =>
        await db.Policies.AsNoTracking().SingleOrDefaultAsync(p => p.InstitutionId == institutionId, cancellationToken)
        ?? DefaultPolicy.For(institutionId);
}
