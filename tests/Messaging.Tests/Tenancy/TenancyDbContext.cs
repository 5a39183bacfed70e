using Haven.Messaging.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Tests.Tenancy;

/// <summary>An institution's row.</summary>
public sealed class Note : ITenantOwned
{
    public Guid Id { get; set; }
    public required string InstitutionId { get; set; }
    public required string Text { get; set; }
}

/// <summary>A coalition network's row.</summary>
public sealed class Circle : INetworkOwned
{
    public Guid Id { get; set; }
    public required string NetworkId { get; set; }
}

/// <summary>A service's database with tenant-owned tables, scoped the way every Haven DbContext is.</summary>
public sealed class TenancyDbContext(DbContextOptions<TenancyDbContext> options, TenantContext tenant)
    : DbContext(options), ITenantScopedDbContext
{
    public TenantContext Tenant => tenant;
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<Circle> Circles => Set<Circle>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddHavenMessaging();
        modelBuilder.Entity<Note>().ToTable("notes");
        modelBuilder.Entity<Circle>().ToTable("circles");
        modelBuilder.ApplyTenantFilters(this);
    }
}
