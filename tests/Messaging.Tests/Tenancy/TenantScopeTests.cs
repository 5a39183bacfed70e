using Haven.Messaging.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Haven.Messaging.Tests.Tenancy;

/// <summary>The tenant filter and write guard against a real PostgreSQL database, two institutions side by side.</summary>
[Collection(MessagingCollection.Name)]
public sealed class When_two_institutions_share_a_database(MessagingInfrastructure infrastructure) : IAsyncLifetime
{
    private readonly string _database = infrastructure.NewDatabase();

    public async Task InitializeAsync()
    {
        await using (var db = Context(null))
        {
            await db.Database.EnsureCreatedAsync();
        }
        foreach (var institution in new[] { "mercy", "lakeside" })
        {
            await using var db = Context(institution, network: institution == "mercy" ? "lakeshore" : "prairie");
            db.Notes.AddRange(new Note { Id = Guid.NewGuid(), InstitutionId = institution, Text = $"{institution} 1" },
                new Note { Id = Guid.NewGuid(), InstitutionId = institution, Text = $"{institution} 2" });
            db.Circles.Add(new Circle { Id = Guid.NewGuid(), NetworkId = db.Tenant.NetworkId! });
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_query_in_one_institutions_scope_never_returns_the_others_rows()
    {
        // Two contexts of one cached model at once: each query reads its own context's scope.
        await using var mercy = Context("mercy");
        await using var lakeside = Context("lakeside");

        Assert.All(await mercy.Notes.ToListAsync(), n => Assert.Equal("mercy", n.InstitutionId));
        Assert.Equal(2, await mercy.Notes.CountAsync());
        Assert.All(await lakeside.Notes.ToListAsync(), n => Assert.Equal("lakeside", n.InstitutionId));
        var lakesideNote = await lakeside.Notes.Select(n => n.Id).FirstAsync();
        Assert.Null(await mercy.Notes.SingleOrDefaultAsync(n => n.Id == lakesideNote));
        Assert.Equal(0, await mercy.Notes.Where(n => n.Id == lakesideNote).ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, "taken")));
    }

    [Fact]
    public async Task With_no_scope_no_tenant_owned_row_is_visible()
    {
        await using var db = Context(null);
        Assert.Empty(await db.Notes.ToListAsync());
        Assert.Empty(await db.Circles.ToListAsync());
    }

    [Fact]
    public async Task Network_owned_rows_are_seen_in_their_networks_scope_only()
    {
        await using var lakeshore = Context("lakeside", network: "lakeshore");
        Assert.Equal(["lakeshore"], await lakeshore.Circles.Select(c => c.NetworkId).ToListAsync());
        // An institution's scope alone does not open a network's rows.
        await using var noNetwork = Context("mercy");
        Assert.Empty(await noNetwork.Circles.ToListAsync());
    }

    [Fact]
    public async Task Writing_another_institutions_row_is_refused_and_nothing_is_stored()
    {
        await using var mercy = Context("mercy");
        mercy.Notes.Add(new Note { Id = Guid.NewGuid(), InstitutionId = "lakeside", Text = "planted" });
        await Assert.ThrowsAsync<TenantViolationException>(() => mercy.SaveChangesAsync());

        // Reached on purpose across the filter, another institution's row still cannot be changed or deleted from here.
        await using var reader = Context("mercy");
        var theirs = await reader.Notes.AcrossInstitutions("a test reaching past the filter").FirstAsync(n => n.InstitutionId == "lakeside");
        theirs.Text = "changed";
        await Assert.ThrowsAsync<TenantViolationException>(() => reader.SaveChangesAsync());

        // Nor can a row be moved out of this institution into another.
        await using var mover = Context("mercy");
        var ours = await mover.Notes.FirstAsync();
        ours.InstitutionId = "lakeside";
        await Assert.ThrowsAsync<TenantViolationException>(() => mover.SaveChangesAsync());

        await using var unscoped = Context(null);
        unscoped.Notes.Add(new Note { Id = Guid.NewGuid(), InstitutionId = "mercy", Text = "from nowhere" });
        await Assert.ThrowsAsync<TenantViolationException>(() => unscoped.SaveChangesAsync());

        await using var check = Context(null);
        var all = await check.Notes.AcrossInstitutions("a test counting every row").ToListAsync();
        Assert.Equal(4, all.Count);
        Assert.DoesNotContain(all, n => n.Text is "planted" or "changed" or "from nowhere" || n.InstitutionId != n.Text.Split(' ')[0]);
    }

    [Fact]
    public async Task A_row_of_no_network_is_kept_only_by_work_of_no_network_and_seen_by_none()
    {
        await using var unscoped = Context("mercy");
        unscoped.Circles.Add(new Circle { Id = Guid.NewGuid(), NetworkId = "" });
        await unscoped.SaveChangesAsync();
        unscoped.Circles.Add(new Circle { Id = Guid.NewGuid(), NetworkId = "lakeshore" });
        await Assert.ThrowsAsync<TenantViolationException>(() => unscoped.SaveChangesAsync());

        await using var lakeshore = Context("mercy", network: "lakeshore");
        Assert.Equal(["lakeshore"], await lakeshore.Circles.Select(c => c.NetworkId).ToListAsync());
    }

    [Fact]
    public void A_unit_of_work_cannot_be_moved_to_a_second_institution()
    {
        var tenant = new TenantContext(new HttpContextAccessor());
        tenant.Use("mercy");
        tenant.Use("mercy");
        Assert.Throws<TenantViolationException>(() => tenant.Use("lakeside"));
        Assert.Equal("mercy", tenant.InstitutionId);
    }

    private TenancyDbContext Context(string? institution, string? network = null)
    {
        var tenant = new TenantContext(new HttpContextAccessor());
        if (institution is not null)
        {
            tenant.Use(institution);
        }
        if (network is not null)
        {
            tenant.UseNetwork(network);
        }
        var options = new DbContextOptionsBuilder<TenancyDbContext>().UseNpgsql(_database).AddInterceptors(TenantWriteGuard.Instance).Options;
        return new TenancyDbContext(options, tenant);
    }
}
