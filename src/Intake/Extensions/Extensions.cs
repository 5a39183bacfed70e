using Haven.Identity;
using Haven.Intake.Apis;
using Haven.Intake.CaseKeys;
using Haven.Intake.Consumers;
using Haven.Intake.Data;
using Haven.Intake.Reports;
using Haven.Messaging;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OpenApi;

namespace Haven.Intake.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
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
        builder.Services.Configure<OpenApiOptions>(HttpApiExtensions.DocumentName, openApi => openApi.DescribeCaseKeys(ReportsApi.CaseKeyPolicy));

        var identity = builder.Configuration.GetSection(IdentityOptions.SectionName).Get<IdentityOptions>() ?? new IdentityOptions();
        builder.Services.AddSingleton(new InstitutionDirectory(identity));
        builder.Services.AddSingleton(builder.Configuration.GetSection(IntakeOptions.SectionName).Get<IntakeOptions>() ?? new IntakeOptions());
        builder.Services.AddScoped<ReportIntake>();
        builder.Services.AddScoped<ReportWithdrawal>();
    }
}
