using System.Collections.Concurrent;
using Haven.Contracts.Tenancy;
using Haven.Messaging.Tenancy;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Haven.Messaging.Tests.Tenancy;

public sealed record ReadNotes(Guid Probe, string InstitutionId) : IInstitutionMessage;

public sealed record ReadNotesOfNobody(Guid Probe);

/// <summary>What the consumers saw, by probe.</summary>
public sealed class Sightings
{
    public ConcurrentDictionary<Guid, string[]> Seen { get; } = new();
}

/// <summary>A consumer that never sets a tenant: it reads what its scope shows, and files a note of its own.</summary>
public sealed class NoteReader(TenancyDbContext db, Sightings sightings) : IConsumer<ReadNotes>, IConsumer<ReadNotesOfNobody>
{
    public async Task Consume(ConsumeContext<ReadNotes> context)
    {
        db.Notes.Add(new Note { Id = NewId.NextGuid(), InstitutionId = context.Message.InstitutionId, Text = "filed by a consumer" });
        await db.SaveChangesAsync(context.CancellationToken);
        sightings.Seen[context.Message.Probe] = await Institutions(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<ReadNotesOfNobody> context) =>
        sightings.Seen[context.Message.Probe] = await Institutions(context.CancellationToken);

    private async Task<string[]> Institutions(CancellationToken cancellationToken) =>
        await db.Notes.Select(n => n.InstitutionId).Distinct().ToArrayAsync(cancellationToken);
}

[Collection(MessagingCollection.Name)]
public sealed class When_a_consumer_handles_an_institutions_message(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task It_sees_that_institutions_rows_only_and_without_a_named_institution_none()
    {
        var database = infrastructure.NewDatabase();
        await SeedAsync(database);
        using var host = Build(database, "tenancy-" + Guid.NewGuid().ToString("N")[..8]);
        await host.StartAsync();
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            var sightings = host.Services.GetRequiredService<Sightings>();
            var (mercy, lakeside, nobody) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            await bus.Publish(new ReadNotes(mercy, "mercy"));
            await bus.Publish(new ReadNotes(lakeside, "lakeside"));
            await bus.Publish(new ReadNotesOfNobody(nobody));

            await Eventually.Until(() => Task.FromResult(sightings.Seen.Count == 3), "the three messages were consumed");
            Assert.Equal(["mercy"], sightings.Seen[mercy]);
            Assert.Equal(["lakeside"], sightings.Seen[lakeside]);
            Assert.Empty(sightings.Seen[nobody]);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task SeedAsync(string database)
    {
        foreach (var institution in new[] { "mercy", "lakeside" })
        {
            var tenant = new TenantContext(new HttpContextAccessor());
            tenant.Use(institution);
            await using var db = new TenancyDbContext(new DbContextOptionsBuilder<TenancyDbContext>().UseNpgsql(database)
                .AddInterceptors(TenantWriteGuard.Instance).Options, tenant);
            await db.Database.EnsureCreatedAsync();
            db.Notes.Add(new Note { Id = Guid.NewGuid(), InstitutionId = institution, Text = institution });
            await db.SaveChangesAsync();
        }
    }

    private IHost Build(string database, string name)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:tenancydb"] = database,
            ["ConnectionStrings:messaging"] = infrastructure.Broker,
            ["OTEL_SERVICE_NAME"] = name,
        }.Concat(TestService.FastRetries));
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new ServiceIdentity(name, Guid.NewGuid().ToString("N"), "test"));
        builder.Services.AddSingleton<Sightings>();
        builder.AddHavenDbContext<TenancyDbContext>("tenancydb");
        builder.AddHavenMessaging<TenancyDbContext>(bus => bus.AddConsumer<NoteReader>());
        return builder.Build();
    }
}
