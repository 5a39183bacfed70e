using Haven.Messaging.Tests.Consumers;
using Haven.Messaging.Tests.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Haven.Messaging.Tests;

/// <summary>
/// One instance of a service wired exactly as Haven's services are (<c>AddHavenDbContext</c> +
/// <c>AddHavenMessaging</c>) against the real database and broker. Two instances with the same name and database
/// are two replicas.
/// </summary>
public sealed class TestService(IHost host, string name) : IAsyncDisposable
{
    public string Name { get; } = name;
    public IServiceProvider Services => host.Services;
    public IBus Bus => host.Services.GetRequiredService<IBus>();

    /// <summary>Fast retry and redelivery, so the tests that exhaust them finish in seconds.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastRetries = new Dictionary<string, string?>
    {
        ["Messaging:ImmediateRetries"] = "1",
        ["Messaging:IncrementalRetries"] = "1",
        ["Messaging:IncrementalInitialInterval"] = "00:00:00.050",
        ["Messaging:IncrementalIntervalStep"] = "00:00:00.050",
        ["Messaging:Redeliveries"] = "1",
        ["Messaging:RedeliveryInitialInterval"] = "00:00:00.200",
    };

    /// <summary>Builds an instance without starting it: its database and DI work, its bus and background services do not run.</summary>
    public static IHost Build(MessagingInfrastructure infrastructure, string name, string database,
        Action<IBusRegistrationConfigurator> configureBus, DeliveryLog? deliveries = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:testdb"] = database,
            ["ConnectionStrings:messaging"] = infrastructure.Broker,
            ["OTEL_SERVICE_NAME"] = name,
        }.Concat(FastRetries));
        // A test's own settings win over the fast defaults.
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new ServiceIdentity(name, Guid.NewGuid().ToString("N"), "test"));
        builder.Services.AddSingleton<Attempts>();
        if (deliveries is not null)
        {
            builder.Services.AddReceiveObserver(_ => deliveries);
        }
        builder.AddHavenDbContext<TestDbContext>("testdb");
        builder.AddHavenMessaging<TestDbContext>(configureBus);
        return builder.Build();
    }

    public static async Task<TestService> Start(MessagingInfrastructure infrastructure, string name, string database,
        Action<IBusRegistrationConfigurator> configureBus, DeliveryLog? deliveries = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = Build(infrastructure, name, database, configureBus, deliveries, settings);
        await host.StartAsync();
        return new TestService(host, name);
    }

    /// <summary>The queue MassTransit gives a consumer in this service.</summary>
    public string ConsumerQueue<T>() where T : class, IConsumer => Formatter.Consumer<T>();

    /// <summary>The queue MassTransit gives a saga in this service.</summary>
    public string SagaQueue<T>() where T : class, ISaga => Formatter.Saga<T>();

    public async Task<TResult> Query<TResult>(Func<TestDbContext, Task<TResult>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public Task<int> EffectCount(Guid key) => Query(db => db.Effects.CountAsync(e => e.Key == key));

    public async Task Stop() => await host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private KebabCaseEndpointNameFormatter Formatter => new(Name, includeNamespace: false);
}
