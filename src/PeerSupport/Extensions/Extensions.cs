using Haven.Messaging;
using Haven.PeerSupport.Data;

namespace Haven.PeerSupport.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.AddHavenDbContext<PeerSupportDbContext>("peersupportdb");
        builder.AddHavenMessaging();
    }
}
