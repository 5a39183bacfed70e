using Haven.PeerSupport.Data;
using MassTransit;

namespace Haven.PeerSupport.Apis;

/// <summary>What the handlers share; publishing goes through the bus outbox and commits with <c>SaveChanges</c>.</summary>
public sealed class PeerSupportServices(PeerSupportDbContext db, IPublishEndpoint publish, TimeProvider clock)
{
    public PeerSupportDbContext Db { get; } = db;
    public IPublishEndpoint Publish { get; } = publish;
    public TimeProvider Clock { get; } = clock;
}
