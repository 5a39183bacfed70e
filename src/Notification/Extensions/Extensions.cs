using Haven.Identity;
using Haven.Messaging;
using Haven.Notification.Amqp;
using Haven.Notification.Consumers;
using Haven.Notification.Data;
using Haven.Notification.Delivery;
using Haven.Notification.Templates;
using Haven.Notification.Webhooks;

namespace Haven.Notification.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddHavenIdentity();
        builder.AddHavenDbContext<NotificationDbContext>("notificationdb");

        var options = builder.Configuration.GetSection(NotificationOptions.SectionName).Get<NotificationOptions>() ?? new NotificationOptions();
        if (options.Amqp.BrokerUri is null && builder.Configuration.GetConnectionString(MessagingExtensions.ConnectionName) is { } broker)
        {
            options.Amqp.BrokerUri = new UriBuilder(broker) { UserName = "", Password = "", Path = "" }.Uri;
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<EmailSender>();
        builder.Services.AddScoped<TemplateStore>();
        // Our own retries (logged, backed off, counted against the subscription) replace the standard resilience handler's.
#pragma warning disable EXTEXP0001 // Experimental, but the documented way to opt one client out of the defaults.
        builder.Services.AddHttpClient(DeliverWebhookConsumer.HttpClientName).RemoveAllResilienceHandlers()
            .ConfigurePrimaryHttpMessageHandler(() => WebhookDestinations.Handler(options.Webhooks.AllowPrivateDestinations));
#pragma warning restore EXTEXP0001
        builder.Services.AddHttpClient<AmqpBrokerManagement>(client =>
        {
            if (AmqpBrokerManagement.Parse(builder.Configuration.GetConnectionString(AmqpBrokerManagement.ConnectionName)) is var (endpoint, authorization))
            {
                client.BaseAddress = endpoint;
                client.DefaultRequestHeaders.Authorization = authorization;
            }
        });
        builder.Services.AddSingleton<AmqpPublisher>();

        builder.AddHavenMessaging<NotificationDbContext>(bus =>
        {
            bus.AddConsumer<NotifyRecipientsConsumer>();
            bus.AddConsumer<NotifyCaseKeyHoldersConsumer>();
            bus.AddConsumer<SendEmailConsumer>();
            bus.AddConsumer<WebhookEventConsumer>();
            bus.AddConsumer<DeliverWebhookConsumer>();
            bus.AddConsumer<AmqpEventConsumer>();
            bus.AddConsumer<DeliverAmqpEventConsumer>();
        });
    }
}
