using Haven.Identity;
using Haven.Messaging;
using Haven.PeerSupport.Data;
using Haven.PeerSupport.StateMachines;

namespace Haven.PeerSupport.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddHavenIdentity();
        builder.AddHavenDbContext<PeerSupportDbContext>("peersupportdb");
        builder.Services.Configure<PeerSupportOptions>(builder.Configuration.GetSection(PeerSupportOptions.SectionName));
        builder.Services.AddScoped<MatchSupporterActivity>();
        builder.AddHavenMessaging<PeerSupportDbContext>(bus =>
            bus.AddSagaStateMachine<SupportStateMachine, SupportState>(typeof(SupportStateDefinition)));
    }
}
