using Haven.Contracts.Notifications;
using Haven.Notification.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Templates;

/// <summary>The template of the institution in scope for a kind, or Haven's default.</summary>
public sealed class TemplateStore(NotificationDbContext db)
{
    public async Task<(string Subject, string Body)> ForAsync(NotificationKind kind, CancellationToken cancellationToken)
    {
        var own = await db.Templates.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Kind == kind, cancellationToken);
        return own is null ? DefaultTemplates.For(kind) : (own.Subject, own.Body);
    }
}
