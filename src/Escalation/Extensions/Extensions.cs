using Haven.Escalation.Data;
using Haven.Escalation.Policies;
using Haven.Escalation.StateMachines;
using Haven.Identity;
using Haven.Messaging;

namespace Haven.Escalation.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddHavenIdentity();
        builder.AddHavenDbContext<EscalationDbContext>("escalationdb");
        builder.Services.AddScoped<IEscalationPolicies, StoredEscalationPolicies>();
        builder.AddHavenMessaging<EscalationDbContext>(bus =>
            bus.AddSagaStateMachine<CaseStateMachine, CaseState>(typeof(CaseStateDefinition)));
    }
}
