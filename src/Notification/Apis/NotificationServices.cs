using Haven.Messaging.Tenancy;
using Haven.Notification.Data;
using MassTransit;

namespace Haven.Notification.Apis;

public sealed class NotificationServices(NotificationDbContext db, TenantContext tenant, IPublishEndpoint publish, TimeProvider clock,
    NotificationOptions options)
{
    public NotificationDbContext Db { get; } = db;
    // [AsParameters] binds through the constructor, whose parameters must each match a property.
    public TenantContext Tenant { get; } = tenant;

    /// <summary>The caller's institution; the query filters already confine every read to it.</summary>
    public string InstitutionId => Tenant.InstitutionId ?? throw new InvalidOperationException("No institution.");
    public IPublishEndpoint Publish { get; } = publish;
    public TimeProvider Clock { get; } = clock;
    public NotificationOptions Options { get; } = options;
}
