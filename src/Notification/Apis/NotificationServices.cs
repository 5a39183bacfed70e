using System.Security.Claims;
using Haven.Contracts.Audit;
using Haven.Identity;
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

    /// <summary>
    /// Puts an admin's change into the outbox, to be saved by the same <c>SaveChanges</c> as the change itself: a change
    /// that commits is in the audit log, and one that does not is not.
    /// </summary>
    public Task AuditChange(ClaimsPrincipal admin, string setting, string subjectRef, string change, CancellationToken cancellationToken) =>
        Publish.Publish(new InstitutionSettingChanged(InstitutionId, admin.GetUserId(), setting, subjectRef, change, Clock.GetUtcNow()),
            cancellationToken);
}
