using Haven.Messaging.Tests.StateMachines;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Tests.Data;

/// <summary>A service's database as the test services have it: their own tables beside Haven's messaging tables.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Effect> Effects => Set<Effect>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<CounterState> Counters => Set<CounterState>();
    public DbSet<ReminderState> Reminders => Set<ReminderState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddHavenMessaging();
        modelBuilder.AddSagaState<CounterState>("counter_state");
        modelBuilder.AddSagaState<ReminderState>("reminder_state").Property(s => s.CurrentState).HasMaxLength(64);
        modelBuilder.Entity<Effect>().ToTable("effects");
        modelBuilder.Entity<Report>().ToTable("reports");
    }
}
