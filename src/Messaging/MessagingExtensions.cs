using Haven.Messaging.Outbox;
using Haven.Messaging.Scheduling;
using Haven.Messaging.Tenancy;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Haven.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";
    public const string OptionsSection = "Messaging";

    /// <summary>
    /// MassTransit on RabbitMQ from <c>ConnectionStrings__messaging</c> (an amqp:// URI, as Aspire passes it), with
    /// Haven's reliability built in, all kept in <typeparamref name="TDbContext"/> (which must call
    /// <c>modelBuilder.AddHavenMessaging()</c>): every consumer and saga behind the inbox/outbox, HTTP requests
    /// publishing through the bus outbox, sagas in the EF Core repository, <c>Schedule(...)</c> on the durable
    /// scheduler, and the retry, redelivery and queue conventions of <see cref="HavenMessagingOptions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddHavenMessaging<TDbContext>(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null) where TDbContext : DbContext
    {
        var broker = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not set. Start the platform through the AppHost (./haven run).");
        var service = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        var options = builder.Configuration.GetSection(OptionsSection).Get<HavenMessagingOptions>() ?? new HavenMessagingOptions();
        // Each service schedules through its own queue into its own database.
        var scheduler = new Uri($"queue:{service.ToLowerInvariant()}-scheduler");

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(options);
        builder.Services.AddMassTransit(bus =>
        {
            // Queues are prefixed by the owning service so two services consuming one event each get a copy.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(service, includeNamespace: false));
            // MassTransit would otherwise report usage to its vendor over the internet; services talk only to their own infrastructure.
            bus.DisableUsageTelemetry();
            bus.SetSagaRepositoryProvider(new HavenSagaRepositoryProvider<TDbContext>());
            AddInboxAndOutbox<TDbContext>(bus, options);
            bus.AddConsumer<ScheduleMessageConsumer<TDbContext>>().Endpoint(endpoint => endpoint.Name = scheduler.AbsolutePath);
            bus.AddMessageScheduler(scheduler);
            configure?.Invoke(bus);

            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                var inbox = new OutboxConsumePipeSpecificationObserver<TDbContext>(endpoint, context);
                endpoint.ConnectConsumerConfigurationObserver(inbox);
                endpoint.ConnectSagaConfigurationObserver(inbox);
                if (options.QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint)
                {
                    rabbitEndpoint.SetQuorumQueue();
                }
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                // A publish completes only once the broker has the (persistent) message.
                rabbit.HostAt(broker, host => host.PublisherConfirmation = true);
                rabbit.Durable = true;
                rabbit.PrefetchCount = options.PrefetchCount;
                rabbit.ConcurrentMessageLimit = options.ConcurrentMessageLimit;

                // Outermost first: redelivery through the scheduler, then retries in place (a single policy, since
                // MassTransit lets only the innermost retry filter that handles an exception retry it).
                rabbit.UseMessageScheduler(scheduler);
                if (options.Redeliveries > 0)
                {
                    rabbit.UseScheduledRedelivery(retry => retry.Incremental(options.Redeliveries, options.RedeliveryInitialInterval,
                        options.RedeliveryIntervalStep));
                }
                rabbit.UseMessageRetry(retry => retry.Intervals([.. RetryIntervals(options)]));
                // Inside the retries, in the scope the consumer, its inbox and its saga repository share.
                rabbit.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });

        // The host (and so the announcement below and the first request) waits until every endpoint is bound.
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        builder.Services.AddHostedService<ScheduledMessageDispatcher<TDbContext>>();
        builder.Services.AddHostedService<ServiceAnnouncer>();
        return builder;
    }

    private static void AddInboxAndOutbox<TDbContext>(IBusRegistrationConfigurator bus, HavenMessagingOptions options)
        where TDbContext : DbContext
    {
        bus.AddScoped<IOutboxContextFactory<TDbContext>, InboxContextFactory<TDbContext>>();
        bus.ReplaceScoped<MassTransit.DependencyInjection.IScopedBusContextProvider<IBus>, BusOutboxContextProvider<TDbContext>>();
        bus.AddSingleton<IBusOutboxNotification, OutboxDeliverySignal>();
        bus.AddHostedService<BusOutboxDeliveryService<TDbContext>>();
        bus.AddHostedService<InboxCleanupService<TDbContext>>();
    }

    // Immediate retries, then incremental ones.
    private static IEnumerable<TimeSpan> RetryIntervals(HavenMessagingOptions options) =>
        Enumerable.Repeat(TimeSpan.Zero, options.ImmediateRetries).Concat(Enumerable.Range(0, options.IncrementalRetries)
            .Select(i => options.IncrementalInitialInterval + i * options.IncrementalIntervalStep));
}
