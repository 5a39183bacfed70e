using Haven.Escalation.Policies;
using Haven.Escalation.StateMachines;
using Haven.Messaging;
using Haven.Messaging.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Haven.Escalation.Data;

public sealed class EscalationDbContext(DbContextOptions<EscalationDbContext> options, TenantContext tenant)
    : DbContext(options), ITenantScopedDbContext
{
    public TenantContext Tenant => tenant;

    public DbSet<CaseState> Cases => Set<CaseState>();
    public DbSet<EscalationPolicy> Policies => Set<EscalationPolicy>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddHavenMessaging();
        modelBuilder.MapCaseState();
        modelBuilder.Entity<EscalationPolicy>(policy =>
        {
            policy.ToTable("escalation_policies");
            policy.HasKey(p => p.InstitutionId);
            policy.Property(p => p.InstitutionId).HasMaxLength(100);
            policy.Property(p => p.UpdatedBy).HasMaxLength(200);
            policy.OwnsMany(p => p.Levels, level => level.ToJson());
        });

        // A request sees only its caller's institution (another's case is simply not found); the saga, the institution
        // of the case its message reaches.
        modelBuilder.ApplyTenantFilters(this);
    }
}
