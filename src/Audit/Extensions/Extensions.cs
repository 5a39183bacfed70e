using Haven.Audit.Consumers;
using Haven.Audit.Data;
using Haven.Messaging;

namespace Haven.Audit.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.AddHavenDbContext<AuditDbContext>("auditdb");
        builder.AddHavenMessaging(bus => bus.AddConsumer<ServiceInstanceStartedConsumer>());
    }
}
