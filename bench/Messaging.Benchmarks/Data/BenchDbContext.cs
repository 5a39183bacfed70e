using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Benchmarks.Data;

public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Receipt> Receipts => Set<Receipt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddHavenMessaging();
        modelBuilder.Entity<Submission>().ToTable("submissions");
        modelBuilder.Entity<Receipt>().ToTable("receipts");
    }
}
