using Haven.Messaging;
using Haven.Messaging.Tenancy;
using Haven.PeerSupport.Model;
using Haven.PeerSupport.StateMachines;
using Microsoft.EntityFrameworkCore;

namespace Haven.PeerSupport.Data;

/// <summary>
/// Peer support is shared by a coalition network's institutions: a supporter of one institution supports a colleague of
/// another. So its rows belong to a network, and a request or consumer sees its own network's only; who may see which
/// request inside the network is the confidentiality wall's business (<c>Participation</c>).
/// </summary>
public sealed class PeerSupportDbContext(DbContextOptions<PeerSupportDbContext> options, TenantContext tenant)
    : DbContext(options), ITenantScopedDbContext
{
    public TenantContext Tenant => tenant;
    public DbSet<Supporter> Supporters => Set<Supporter>();
    public DbSet<SupportState> Supports => Set<SupportState>();
    public DbSet<SupportNote> Notes => Set<SupportNote>();
    public DbSet<NetworkSettings> NetworkSettings => Set<NetworkSettings>();
    public DbSet<ToolkitResource> Toolkit => Set<ToolkitResource>();
    public DbSet<Amplification> Amplifications => Set<Amplification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddHavenMessaging();
        modelBuilder.MapSupportState();

        modelBuilder.Entity<Supporter>(supporter =>
        {
            supporter.ToTable("supporters");
            supporter.HasIndex(s => new { s.InstitutionId, s.UserId }).IsUnique();
            supporter.HasIndex(s => s.NetworkId);
            supporter.Property(s => s.UserId).HasMaxLength(200);
            supporter.Property(s => s.InstitutionId).HasMaxLength(128);
            supporter.Property(s => s.NetworkId).HasMaxLength(128);
            supporter.Property(s => s.Digest).HasMaxLength(64);
            supporter.Property(s => s.FirstName).HasMaxLength(100);
            supporter.Property(s => s.PreferredContact).HasMaxLength(200);
            supporter.Property(s => s.Role).HasMaxLength(100);
            supporter.Property(s => s.Specialty).HasMaxLength(100);
            supporter.Property(s => s.Department).HasMaxLength(100);
            supporter.Property(s => s.Region).HasMaxLength(100);
            supporter.Ignore(s => s.IsAvailable);
        });

        modelBuilder.Entity<SupportNote>(note =>
        {
            note.ToTable("support_notes");
            note.HasIndex(n => new { n.RequestId, n.SupporterId });
            note.Property(n => n.Text).HasMaxLength(4000);
        });

        modelBuilder.Entity<NetworkSettings>(settings =>
        {
            settings.ToTable("network_settings");
            settings.HasKey(s => s.NetworkId);
        });

        modelBuilder.Entity<ToolkitResource>(resource =>
        {
            resource.ToTable("toolkit_resources");
            resource.HasIndex(r => new { r.NetworkId, r.InstitutionId });
        });

        modelBuilder.Entity<Amplification>(amplification =>
        {
            amplification.ToTable("amplifications");
            amplification.HasIndex(a => new { a.NetworkId, a.RequestedAt });
        });

        // Notes are reached only through their request, which is filtered.
        modelBuilder.ApplyTenantFilters(this);
    }
}
