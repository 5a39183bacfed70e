using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Haven.Messaging.Benchmarks.Data;

// For `dotnet ef migrations add`, which needs a context without a running host.
internal sealed class BenchDbContextFactory : IDesignTimeDbContextFactory<BenchDbContext>
{
    public BenchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BenchDbContext>().UseNpgsql("Host=design-time").Options);
}
