using Haven.Messaging;
using Haven.Intake.Data;

namespace Haven.Intake.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.AddHavenDbContext<IntakeDbContext>("intakedb");
        builder.AddHavenMessaging();
    }
}
