using System.Text.Json.Serialization;
using Haven.Identity;
using Haven.Intake.Apis;
using Haven.Intake.CaseKeys;
using Haven.Intake.Consumers;
using Haven.Intake.Data;
using Haven.Intake.Reports;
using Haven.Messaging;
using Microsoft.AspNetCore.Authentication;

namespace Haven.Intake.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.AddHavenIdentity();
        builder.AddHavenDbContext<IntakeDbContext>("intakedb");
        builder.AddHavenMessaging<IntakeDbContext>(bus =>
        {
            bus.AddConsumer<CaseStatusChangedConsumer>();
            bus.AddConsumer<ReporterMessagePostedConsumer>();
            bus.AddConsumer<CaseKeyNoticeRenderedConsumer>();
        });

        // Anonymous reporters follow up with a case key: a scheme of its own, used only by the follow-up route.
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, CaseKeyAuthenticationHandler>(CaseKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(ReportsApi.CaseKeyPolicy, policy => policy
            .AddAuthenticationSchemes(CaseKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(CaseKeyAuthenticationHandler.CaseClaim));

        var identity = builder.Configuration.GetSection(IdentityOptions.SectionName).Get<IdentityOptions>() ?? new IdentityOptions();
        builder.Services.AddSingleton(new InstitutionDirectory(identity));
        builder.Services.AddSingleton(builder.Configuration.GetSection(IntakeOptions.SectionName).Get<IntakeOptions>() ?? new IntakeOptions());
        builder.Services.AddScoped<ReportIntake>();
        builder.Services.AddScoped<ReportWithdrawal>();

        // Choices read and written by name ("Harassment", "ThreatOfViolence"), as partners see them in the docs.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // A body that is not JSON is the client's mistake (400), in every environment, not an exception (500).
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = false);
    }
}
