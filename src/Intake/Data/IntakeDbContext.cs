using Haven.Intake.Reports;
using Haven.Messaging;
using Haven.Messaging.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Haven.Intake.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options, TenantContext tenant)
    : DbContext(options), ITenantScopedDbContext
{
    public TenantContext Tenant => tenant;

    public DbSet<IntakeCase> Cases => Set<IntakeCase>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportUrl> ReportUrls => Set<ReportUrl>();
    public DbSet<EvidenceItem> Evidence => Set<EvidenceItem>();
    public DbSet<CaseKeyCredential> CaseKeys => Set<CaseKeyCredential>();
    public DbSet<ReporterMessage> ReporterMessages => Set<ReporterMessage>();
    public DbSet<CaseKeyNotice> CaseKeyNotices => Set<CaseKeyNotice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddHavenMessaging();

        modelBuilder.Entity<IntakeCase>(entity =>
        {
            entity.ToTable("cases");
            entity.Property(e => e.Id).ValueGeneratedNever();
            entity.Property(e => e.InstitutionId).HasMaxLength(100);
            entity.HasIndex(e => new { e.InstitutionId, e.Status });
        });

        modelBuilder.Entity<Report>(entity =>
        {
            entity.ToTable("reports");
            entity.Property(e => e.Id).ValueGeneratedNever();
            entity.Property(e => e.InstitutionId).HasMaxLength(100);
            entity.Property(e => e.NetworkId).HasMaxLength(100);
            entity.Property(e => e.AdvocacyTopic).HasMaxLength(ReportLimits.TopicLength);
            entity.Property(e => e.Platform).HasMaxLength(ReportLimits.PlatformLength);
            entity.Property(e => e.Description).HasMaxLength(ReportLimits.DescriptionLength);
            entity.Property(e => e.SubjectName).HasMaxLength(ReportLimits.NameLength);
            entity.Property(e => e.SubjectDepartment).HasMaxLength(ReportLimits.DepartmentLength);
            entity.Property(e => e.SubjectDigest).HasMaxLength(64);
            entity.Property(e => e.SubjectNetworkDigest).HasMaxLength(64);
            entity.Property(e => e.ReporterUserId).HasMaxLength(200);
            entity.Property(e => e.ReporterName).HasMaxLength(ReportLimits.NameLength);
            entity.Property(e => e.ReporterEmail).HasMaxLength(ReportLimits.EmailLength);
            entity.Property(e => e.RetaliationReason).HasMaxLength(500);
            entity.HasIndex(e => new { e.InstitutionId, e.SubjectDigest, e.SubmittedAt });
            entity.HasIndex(e => new { e.SubjectNetworkDigest, e.Track });
            entity.HasIndex(e => e.CaseId);
            entity.HasMany(e => e.Urls).WithOne().HasForeignKey(u => u.ReportId);
            entity.HasMany(e => e.Evidence).WithOne().HasForeignKey(u => u.ReportId);
        });

        modelBuilder.Entity<ReportUrl>(entity =>
        {
            entity.ToTable("report_urls");
            entity.Property(e => e.InstitutionId).HasMaxLength(100);
            entity.Property(e => e.Url).HasMaxLength(ReportLimits.UrlLength);
            entity.HasIndex(e => new { e.InstitutionId, e.Url });
        });

        modelBuilder.Entity<EvidenceItem>(entity =>
        {
            entity.ToTable("evidence");
            entity.Property(e => e.InstitutionId).HasMaxLength(100);
            entity.Property(e => e.Url).HasMaxLength(ReportLimits.UrlLength);
            entity.Property(e => e.Handle).HasMaxLength(ReportLimits.HandleLength);
            entity.Property(e => e.Text).HasMaxLength(ReportLimits.EvidenceTextLength);
            entity.Property(e => e.TextSha256).HasMaxLength(64);
        });

        modelBuilder.Entity<CaseKeyCredential>(entity =>
        {
            entity.ToTable("case_keys");
            entity.HasKey(e => e.Key);
            entity.Property(e => e.Key).HasMaxLength(40);
            entity.Property(e => e.InstitutionId).HasMaxLength(100);
            entity.HasIndex(e => e.ReportId).IsUnique();
            entity.HasIndex(e => e.CaseId);
            // Filtered like the rest; the case-key handler alone looks a key up across institutions (it learns the institution from it).
        });

        modelBuilder.Entity<ReporterMessage>(entity =>
        {
            entity.ToTable("reporter_messages");
            entity.Property(e => e.Id).ValueGeneratedNever();
            entity.Property(e => e.InstitutionId).HasMaxLength(100);
            entity.Property(e => e.Text).HasMaxLength(10_000);
            entity.HasIndex(e => new { e.CaseId, e.PostedAt });
        });

        modelBuilder.Entity<CaseKeyNotice>(entity =>
        {
            entity.ToTable("case_key_notices");
            entity.Property(e => e.Id).ValueGeneratedNever();
            entity.Property(e => e.InstitutionId).HasMaxLength(100);
            entity.Property(e => e.Title).HasMaxLength(500);
            entity.Property(e => e.Body).HasMaxLength(10_000);
            entity.HasIndex(e => new { e.CaseId, e.CreatedAt });
        });

        // Every row above belongs to one institution: a request or consumer sees its own institution's only.
        modelBuilder.ApplyTenantFilters(this);
    }
}
