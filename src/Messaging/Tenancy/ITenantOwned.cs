namespace Haven.Messaging.Tenancy;

/// <summary>
/// A row that belongs to one institution. Every DbContext that calls <c>ApplyTenantFilters</c> shows it only in that
/// institution's scope and refuses to write it from another.
/// </summary>
public interface ITenantOwned
{
    string InstitutionId { get; }
}

/// <summary>
/// A row that belongs to one coalition network, shared by its institutions (peer support: supporters, requests,
/// settings, toolkit). Shown and written only in that network's scope.
/// </summary>
public interface INetworkOwned
{
    string NetworkId { get; }
}

/// <summary>A DbContext whose rows are scoped by <see cref="TenantContext"/>.</summary>
public interface ITenantScopedDbContext
{
    TenantContext Tenant { get; }
}

/// <summary>Work reached, or tried to write, rows of a tenant other than the one it is scoped to.</summary>
public sealed class TenantViolationException(string message) : InvalidOperationException(message);
