using System.Text.Json;
using System.Text.Json.Serialization;
using Haven.WebApp.Services;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Http.Resilience;

namespace Haven.WebApp.Extensions;

public static class Extensions
{
    /// <summary>The gateway as service discovery names it: the web app reaches the services only through its APIs.</summary>
    private const string Gateway = "http://gateway";

    /// <summary>The APIs' JSON: web defaults, enums by name (numbers are still read, for an API that has not moved yet).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);

        // The gateway is the only public entry: the scheme, host and client address it saw are the ones that count.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);

        // Sign-in cookies, antiforgery tokens and the reporter's case-key cookie are sealed with these keys: kept in a folder
        // (the data folder of a local run), a restart signs nobody out, a page opened before it still posts, and replicas
        // that share the folder read each other's cookies. Without one, ASP.NET Core falls back to the user profile's key
        // ring (shared by every app of that user, wiped by nothing, and absent in a container: keys then die with the process).
        if (builder.Configuration["WebApp:DataProtectionKeys"] is { Length: > 0 } keys)
        {
            builder.Services.AddDataProtection().SetApplicationName("haven-webapp").PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        builder.AddAuthenticationServices();

        builder.Services.AddTransient<AccessTokenHandler>();
        builder.Services.AddTransient<ClientAddressHandler>();
        builder.Services.AddSingleton<CaseKeySession>();
        builder.Services.AddSingleton<InstitutionList>();
        AddGatewayClient<IntakeApi>(builder);
        AddGatewayClient<CasesApi>(builder);
        AddGatewayClient<PeerSupportApi>(builder);
        AddGatewayClient<AuditApi>(builder);
        AddGatewayClient<AdminApi>(builder);
    }

    private static void AddGatewayClient<TClient>(IHostApplicationBuilder builder) where TClient : class
    {
        builder.Services.AddHttpClient<TClient>(client => client.BaseAddress = new Uri(Gateway))
            .AddHttpMessageHandler<AccessTokenHandler>()
            .AddHttpMessageHandler<ClientAddressHandler>();
        // A report, a withdrawal or a message sent twice is worse than one that failed and says so: retry reads only.
        builder.Services.Configure<HttpStandardResilienceOptions>($"{typeof(TClient).Name}-standard",
            options => options.Retry.DisableForUnsafeHttpMethods());
    }

    public static WebApplication UseWebAppPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.Use((context, next) =>
        {
            // Only this app's own scripts, styles and forms; never framed. The gateway leaves a page's own policy in place.
            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
