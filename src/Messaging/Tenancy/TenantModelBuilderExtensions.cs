using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Tenancy;

public static class TenantModelBuilderExtensions
{
    /// <summary>The name of the query filter; <see cref="AcrossInstitutions{T}"/> is the one way past it.</summary>
    public const string FilterName = "Tenant";

    /// <summary>
    /// Gives every <see cref="ITenantOwned"/> entity the filter <c>InstitutionId == tenant.InstitutionId</c> and every
    /// <see cref="INetworkOwned"/> one <c>NetworkId == tenant.NetworkId</c>. With no scope the value is null and the
    /// filter matches nothing: there is no "no tenant means everything" escape. Call it last in <c>OnModelCreating</c>.
    /// </summary>
    public static ModelBuilder ApplyTenantFilters<TContext>(this ModelBuilder modelBuilder, TContext context)
        where TContext : DbContext, ITenantScopedDbContext
    {
        // The context is a constant of the model's expression, which EF Core re-binds to the context that runs each query
        // (the model is built once and cached), so each query reads its own context's tenant.
        var tenant = Expression.Property(Expression.Constant(context, typeof(TContext)), nameof(ITenantScopedDbContext.Tenant));
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.BaseType is null))
        {
            var key = typeof(ITenantOwned).IsAssignableFrom(entity.ClrType)
                ? (Property: nameof(ITenantOwned.InstitutionId), Scope: nameof(TenantContext.InstitutionId))
                : typeof(INetworkOwned).IsAssignableFrom(entity.ClrType)
                    ? (Property: nameof(INetworkOwned.NetworkId), Scope: nameof(TenantContext.NetworkId))
                    : default;
            if (key == default)
            {
                continue;
            }
            var row = Expression.Parameter(entity.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(Expression.Property(row, key.Property), Expression.Property(tenant, key.Scope)), row);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(FilterName, filter);
        }
        return modelBuilder;
    }

    /// <summary>
    /// The one way to read past the tenant filter: rows of every institution (or network). Rare by design; every use
    /// says why, and the reason goes into the SQL as a tag, so a log of queries shows it.
    /// </summary>
    public static IQueryable<T> AcrossInstitutions<T>(this IQueryable<T> query, string reason) where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return query.IgnoreQueryFilters([FilterName]).TagWith($"across institutions: {reason}");
    }
}
