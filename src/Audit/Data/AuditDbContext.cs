using Microsoft.EntityFrameworkCore;

namespace Haven.Audit.Data;

public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public DbSet<PlatformEvent> PlatformEvents => Set<PlatformEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
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
    }
}
