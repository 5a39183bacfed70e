using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Haven.Messaging.Tenancy;

/// <summary>
/// Refuses <c>SaveChanges</c> when it would add, change or delete a tenant-owned row of another institution (or network)
/// than the unit of work's scope, or any tenant-owned row with no scope at all: a bug in one query cannot become a write
/// into another tenant's data. (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c> pass through the query filter instead.)
/// </summary>
public sealed class TenantWriteGuard : SaveChangesInterceptor
{
    public static readonly TenantWriteGuard Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is not ITenantScopedDbContext { Tenant: var tenant })
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var (owner, scope, what) = entry.Entity switch
            {
                ITenantOwned row => (row.InstitutionId, tenant.InstitutionId, "institution"),
                // A row of no network (peer support asked for outside any network) is in no network's view, and kept by
                // work that has no network scope.
                INetworkOwned row => (row.NetworkId, tenant.NetworkId ?? "", "network"),
                _ => (null, null, null),
            };
            if (what is not null && (scope is null || owner != scope
                || (entry.State == EntityState.Modified && OriginalOwner(entry, what) != scope)))
            {
                throw new TenantViolationException(
                    $"Refused to write a {entry.Metadata.ClrType.Name} of {what} '{owner}' in the scope of '{scope ?? "none"}'.");
            }
        }
    }

    // A row moved from another tenant into this one is a write into the other's data too.
    private static string? OriginalOwner(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string what) =>
        entry.OriginalValues[what == "institution" ? nameof(ITenantOwned.InstitutionId) : nameof(INetworkOwned.NetworkId)] as string;
}
