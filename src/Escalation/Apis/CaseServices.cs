using Haven.Escalation.Data;
using MassTransit;

namespace Haven.Escalation.Apis;

/// <summary>What every case endpoint needs: the database, the outbox-backed publisher and the clock.</summary>
public sealed class CaseServices(EscalationDbContext db, IPublishEndpoint publisher, TimeProvider clock)
{
    public EscalationDbContext Db { get; } = db;
    public IPublishEndpoint Publisher { get; } = publisher;
    public TimeProvider Clock { get; } = clock;
}
