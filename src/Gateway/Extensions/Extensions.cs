using Haven.Gateway.Security;
using Haven.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Haven.Gateway;

public static class Extensions
{
    public static void AddGateway(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.SectionName));

        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.GetCorrelationId());

        // The gateway authenticates and authorizes each route; services validate the same token again.
        builder.AddHavenIdentity();
        builder.Services.AddGatewayRateLimits(options);
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(options.AllowedOrigins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", CorrelationIdMiddleware.HeaderName)
            .WithExposedHeaders(CorrelationIdMiddleware.HeaderName, "Retry-After")));

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

        // YARP's default resolver uses addresses as written; "http://intake" must become every replica.
        builder.Services.Replace(ServiceDescriptor.Singleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>());
    }

    /// <summary>Everything that runs before a request is forwarded, in the order that matters.</summary>
    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<IdentityHeaderStripper>();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication, so that the per-institution limit knows the institution.
        app.UseRateLimiter();
        return app;
    }

    // Goes first in the proxy pipeline so that it sees the outcome of load balancing and forwarding.
    public static IReverseProxyApplicationBuilder UseForwarderProblemDetails(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<ForwarderProblemDetailsMiddleware>();
        return proxy;
    }

    public static string GetCorrelationId(this HttpContext context) =>
        context.Request.Headers[CorrelationIdMiddleware.HeaderName].ToString();
}
