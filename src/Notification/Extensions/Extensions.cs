using Haven.Messaging;
using Haven.Notification.Data;

namespace Haven.Notification.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.AddHavenDbContext<NotificationDbContext>("notificationdb");
        builder.AddHavenMessaging();
    }
}
