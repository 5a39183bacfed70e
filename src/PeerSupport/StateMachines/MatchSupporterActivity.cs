using Haven.PeerSupport.Data;
using Haven.PeerSupport.Matching;
using Haven.PeerSupport.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Haven.PeerSupport.StateMachines;

/// <summary>
/// Finds the request its next supporter (or none), on the saga's own DbContext so the choice commits with the
/// saga. Takes a snapshot of the network's settings the first time.
/// </summary>
public sealed class MatchSupporterActivity(PeerSupportDbContext db, IOptions<PeerSupportOptions> options, TimeProvider clock,
    ILogger<MatchSupporterActivity> logger) : IStateMachineActivity<SupportState>
{
    public async Task Execute(BehaviorContext<SupportState> context, IBehavior<SupportState> next)
    {
        await Match(context.Saga, context.CancellationToken);
        await next.Execute(context);
    }

    public async Task Execute<T>(BehaviorContext<SupportState, T> context, IBehavior<SupportState, T> next) where T : class
    {
        await Match(context.Saga, context.CancellationToken);
        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<SupportState, TException> context, IBehavior<SupportState> next)
        where TException : Exception => next.Faulted(context);

    public Task Faulted<T, TException>(BehaviorExceptionContext<SupportState, T, TException> context, IBehavior<SupportState, T> next)
        where T : class where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("match-supporter");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);

    private async Task Match(SupportState support, CancellationToken cancellationToken)
    {
        if (support.OfferDeadline == TimeSpan.Zero)
        {
            await SnapshotSettings(support, cancellationToken);
        }

        // One match at a time per network until the saga commits: two requests counting a supporter's load together
        // would both take their last place. (The saga's transaction is READ COMMITTED, so the count below sees the other's offer.)
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"peer-support:match:" + support.NetworkId}))",
            cancellationToken);
        var supporters = await db.Supporters.AsNoTracking()
            .Where(s => !s.Paused && s.LeftAt == null)
            .ToListAsync(cancellationToken);
        var ids = supporters.Select(s => s.Id).ToList();
        var loads = await db.Supports.AsNoTracking()
            .Where(s => s.SupporterId != null && ids.Contains(s.SupporterId.Value) && s.CorrelationId != support.CorrelationId
                && SupportStateMachine.HoldingCapacity.Contains(s.CurrentState))
            .GroupBy(s => s.SupporterId!.Value)
            .Select(g => new { SupporterId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SupporterId, g => g.Count, cancellationToken);

        var criteria = new MatchCriteria(support.NetworkId, support.InstitutionId, support.Department, support.Languages,
            support.Experience, support.PreferAnotherInstitution, support.RequesterDigest, support.ConflictDigests,
            support.OfferedSupporterIds);
        var match = SupporterMatcher.Choose(criteria, supporters.Select(s => new Candidate(s, loads.GetValueOrDefault(s.Id))));

        var chosen = match is null ? null : supporters.Single(s => s.Id == match.SupporterId);
        support.SupporterId = chosen?.Id;
        support.SupporterInstitutionId = chosen?.InstitutionId;
        support.SupporterUserId = chosen?.UserId;
        if (match is null)
        {
            support.OfferedAt = null;
            support.RespondBy = null;
            logger.LogInformation("No eligible supporter left for support request {RequestId}", support.CorrelationId);
            return;
        }

        var now = clock.GetUtcNow();
        support.OfferedSupporterIds = [.. support.OfferedSupporterIds, match.SupporterId];
        support.MatchReasons = [.. match.Reasons];
        support.OfferedAt = now;
        support.RespondBy = now + support.OfferDeadline;
        logger.LogInformation("Support request {RequestId} offered to supporter {SupporterId}", support.CorrelationId, match.SupporterId);
    }

    private async Task SnapshotSettings(SupportState support, CancellationToken cancellationToken)
    {
        var settings = await db.NetworkSettings.AsNoTracking().SingleOrDefaultAsync(s => s.NetworkId == support.NetworkId, cancellationToken)
            ?? NetworkSettings.From(support.NetworkId, options.Value);
        support.OfferDeadline = support.Urgent ? settings.UrgentOfferDeadline : settings.OfferDeadline;
        support.RefusalsBeforeLeadIsTold = settings.RefusalsBeforeLeadIsTold;
        support.FirstCheckIn = settings.FirstCheckIn;
        support.SecondCheckIn = settings.SecondCheckIn;
    }
}
