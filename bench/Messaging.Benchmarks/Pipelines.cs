using System.Diagnostics;
using Haven.Messaging.Benchmarks.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Haven.Messaging.Benchmarks;

/// <summary>
/// The two pipelines compared, with the same work at both ends (store a submission, store a receipt) and the same
/// queue settings (Haven's prefetch and concurrency, durable queues, persistent messages, publisher confirms).
/// </summary>
public static class Pipelines
{
    /// <summary>Store, then publish straight to the broker; consume without an inbox.</summary>
    public static async Task<IHost> StartPlain(string database, string broker, Latencies latencies)
    {
        var options = new HavenMessagingOptions();
        var builder = NewBuilder(latencies);
        builder.Services.AddDbContext<BenchDbContext>(db => db.UseNpgsql(database));
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter("bench-plain", includeNamespace: false));
            bus.DisableUsageTelemetry();
            bus.AddConsumer<ReceiptConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.HostAt(broker, host => host.PublisherConfirmation = true);
                rabbit.Durable = true;
                rabbit.PrefetchCount = options.PrefetchCount;
                rabbit.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                rabbit.ConfigureEndpoints(context);
            });
        });
        // As Haven's registration does: publishing before the queues are bound would lose messages.
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BenchDbContext>().Database.MigrateAsync();
        }
        await host.StartAsync();
        return host;
    }

    public static async Task PublishPlain(IServiceProvider services)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        var submission = new Submission { Id = Guid.NewGuid(), CreatedAt = DateTime.UtcNow };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<IBus>().Publish(new SubmissionAccepted(submission.Id, started));
    }

    /// <summary>Haven's registration as every service has it: bus outbox on the way out, inbox on the way in.</summary>
    public static async Task<IHost> StartHaven(string database, string broker, Latencies latencies)
    {
        var builder = NewBuilder(latencies);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:benchdb"] = database,
            ["ConnectionStrings:messaging"] = broker,
            ["OTEL_SERVICE_NAME"] = "bench-haven",
        });
        builder.Services.AddSingleton(new ServiceIdentity("bench-haven", "1", "bench"));
        builder.AddHavenDbContext<BenchDbContext>("benchdb");
        builder.AddHavenMessaging<BenchDbContext>(bus => bus.AddConsumer<ReceiptConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static async Task PublishThroughOutbox(IServiceProvider services)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        var submission = new Submission { Id = Guid.NewGuid(), CreatedAt = DateTime.UtcNow };
        db.Submissions.Add(submission);
        await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(new SubmissionAccepted(submission.Id, started));
        await db.SaveChangesAsync();
    }

    private static HostApplicationBuilder NewBuilder(Latencies latencies)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(latencies);
        return builder;
    }
}
