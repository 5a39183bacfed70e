using Haven.Messaging;
using Haven.Messaging.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Haven.Notification.Data;

/// <summary>
/// Tenant-owned rows are seen in the scope of one institution: the caller's, so an admin asking for another
/// institution's row gets 404, or the one a consumer's message names.
/// </summary>
public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options, TenantContext tenant)
    : DbContext(options), ITenantScopedDbContext
{
    public TenantContext Tenant => tenant;

    public DbSet<Person> People => Set<Person>();
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<AmqpSubscription> AmqpSubscriptions => Set<AmqpSubscription>();
    public DbSet<Template> Templates => Set<Template>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddHavenMessaging();

        modelBuilder.Entity<Person>(person =>
        {
            person.ToTable("people");
            person.HasIndex(e => new { e.InstitutionId, e.UserId }).IsUnique();
            person.HasIndex(e => new { e.InstitutionId, e.Email }).IsUnique();
            person.HasIndex(e => new { e.InstitutionId, e.Digest });
            person.Property(e => e.InstitutionId).HasMaxLength(100);
            person.Property(e => e.UserId).HasMaxLength(200);
            person.Property(e => e.DisplayName).HasMaxLength(200);
            person.Property(e => e.Email).HasMaxLength(320);
            person.Property(e => e.Digest).HasMaxLength(64);
            person.Property(e => e.TimeZone).HasMaxLength(100);
        });

        modelBuilder.Entity<InboxItem>(item =>
        {
            item.ToTable("inbox_items");
            item.HasIndex(e => new { e.InstitutionId, e.UserId, e.CreatedAt });
            // One notification lands once in a person's inbox, however often its command is delivered.
            item.HasIndex(e => new { e.NotificationId, e.UserId }).IsUnique();
            item.Property(e => e.InstitutionId).HasMaxLength(100);
            item.Property(e => e.UserId).HasMaxLength(200);
        });

        modelBuilder.Entity<Delivery>(delivery =>
        {
            delivery.ToTable("deliveries");
            delivery.HasIndex(e => new { e.NotificationId, e.PersonId, e.Channel }).IsUnique();
            delivery.HasIndex(e => new { e.InstitutionId, e.CaseId });
            delivery.Property(e => e.InstitutionId).HasMaxLength(100);
        });

        modelBuilder.Entity<WebhookSubscription>(subscription =>
        {
            subscription.ToTable("webhook_subscriptions");
            subscription.HasIndex(e => e.InstitutionId);
            subscription.Property(e => e.InstitutionId).HasMaxLength(100);
            subscription.Property(e => e.Url).HasMaxLength(2000);
        });

        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("webhook_deliveries");
            delivery.HasIndex(e => new { e.SubscriptionId, e.EventId }).IsUnique();
            delivery.HasIndex(e => new { e.SubscriptionId, e.CreatedAt });
            delivery.Property(e => e.InstitutionId).HasMaxLength(100);
            delivery.Property(e => e.EventType).HasMaxLength(200);
            delivery.HasMany(e => e.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId);
        });

        modelBuilder.Entity<WebhookAttempt>(attempt =>
        {
            attempt.ToTable("webhook_attempts");
            attempt.Property(e => e.Error).HasMaxLength(500);
        });

        modelBuilder.Entity<AmqpSubscription>(subscription =>
        {
            subscription.ToTable("amqp_subscriptions");
            subscription.HasIndex(e => e.InstitutionId);
            subscription.Property(e => e.InstitutionId).HasMaxLength(100);
        });

        modelBuilder.Entity<Template>(template =>
        {
            template.ToTable("templates");
            template.HasKey(e => new { e.InstitutionId, e.Kind });
            template.Property(e => e.InstitutionId).HasMaxLength(100);
        });

        modelBuilder.ApplyTenantFilters(this);
    }
}
