using Haven.Messaging;
using Haven.Escalation.Data;

namespace Haven.Escalation.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.AddHavenDbContext<EscalationDbContext>("escalationdb");
        builder.AddHavenMessaging();
    }
}
