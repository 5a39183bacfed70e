using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Haven.Messaging.Tests.Data;

// For `dotnet ef migrations add`, which needs a context without a running host.
internal sealed class TestDbContextFactory : IDesignTimeDbContextFactory<TestDbContext>
{
    public TestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql("Host=design-time").Options);
}
