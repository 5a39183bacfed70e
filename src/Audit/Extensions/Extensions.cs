using Haven.Audit.Chain;
using Haven.Audit.Consumers;
using Haven.Audit.Data;
using Haven.Audit.Signing;
using Haven.Identity;
using Haven.Messaging;

namespace Haven.Audit.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddHavenIdentity();
        builder.AddHavenDbContext<AuditDbContext>("auditdb");
        builder.Services.AddScoped<AuditChain>();
        builder.Services.AddSingleton<ChainWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ChainWriter>());
        builder.Services.AddScoped<ChainVerifier>();
        builder.Services.AddScoped<CaseReceipts>();
        builder.Services.AddScoped<CheckpointIssuer>();
        builder.Services.AddHostedService<PeriodicCheckpoints>();
        builder.Services.AddSingleton<CheckpointSigner>();
        builder.AddHavenMessaging<AuditDbContext>(bus =>
        {
            bus.AddConsumer<ServiceInstanceStartedConsumer>();
            bus.AddConsumer<AuditEventConsumer>();
            bus.AddConsumer<GetCaseReceiptConsumer>();
        });
    }
}
