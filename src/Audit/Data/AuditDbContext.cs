using Haven.Messaging;
using Haven.Messaging.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Haven.Audit.Data;

public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options, TenantContext tenant)
    : DbContext(options), ITenantScopedDbContext
{
    public TenantContext Tenant => tenant;

    public DbSet<PlatformEvent> PlatformEvents => Set<PlatformEvent>();
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();
    public DbSet<ChainHead> ChainHeads => Set<ChainHead>();
    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddHavenMessaging();

        modelBuilder.Entity<PlatformEvent>(platformEvent =>
        {
            platformEvent.ToTable("platform_events");
            // The message id makes redelivered messages land once.
            platformEvent.HasIndex(e => e.MessageId).IsUnique();
            platformEvent.Property(e => e.Type).HasMaxLength(200);
            platformEvent.Property(e => e.Service).HasMaxLength(100);
            platformEvent.Property(e => e.InstanceId).HasMaxLength(100);
            platformEvent.Property(e => e.Version).HasMaxLength(200);
        });

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasIndex(e => new { e.InstitutionId, e.Sequence }).IsUnique();
            entry.HasIndex(e => new { e.InstitutionId, e.EventId }).IsUnique();
            entry.HasIndex(e => new { e.InstitutionId, e.CaseId });
            entry.HasIndex(e => new { e.InstitutionId, e.Actor });
            entry.HasIndex(e => new { e.InstitutionId, e.Type });
            entry.HasIndex(e => new { e.InstitutionId, e.OccurredAt });
            entry.Property(e => e.InstitutionId).HasMaxLength(100);
            entry.Property(e => e.Type).HasMaxLength(200);
            entry.Property(e => e.Actor).HasMaxLength(200);
            entry.Property(e => e.SubjectRef).HasMaxLength(200);
        });

        modelBuilder.Entity<ChainHead>(head =>
        {
            head.ToTable("audit_chain_heads");
            head.HasKey(e => e.InstitutionId);
            head.Property(e => e.InstitutionId).HasMaxLength(100);
        });

        modelBuilder.Entity<Checkpoint>(checkpoint =>
        {
            checkpoint.ToTable("audit_checkpoints");
            checkpoint.HasIndex(e => new { e.InstitutionId, e.Sequence });
            checkpoint.Property(e => e.InstitutionId).HasMaxLength(100);
        });

        modelBuilder.Entity<SigningKey>(key =>
        {
            key.ToTable("audit_signing_keys");
            key.HasKey(e => e.KeyId);
        });

        // Entries, heads and checkpoints are an institution's; platform events and signing keys are the platform's.
        modelBuilder.ApplyTenantFilters(this);
    }
}
