using Haven.Contracts.Notifications;
using Haven.Notification.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Templates;

/// <summary>The institution's template for a kind, or Haven's default.</summary>
public sealed class TemplateStore(NotificationDbContext db)
{
    public async Task<(string Subject, string Body)> ForAsync(string institutionId, NotificationKind kind, CancellationToken cancellationToken)
    {
        var own = await db.Templates.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(t => t.InstitutionId == institutionId && t.Kind == kind, cancellationToken);
        return own is null ? DefaultTemplates.For(kind) : (own.Subject, own.Body);
    }
}
