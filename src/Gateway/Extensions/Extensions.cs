using Haven.Gateway.Security;
using Haven.Identity;

namespace Haven.Gateway;

public static class Extensions
{
    public static void AddGateway(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.SectionName));

        builder.AddProblemDetailsDefaults();

        // The gateway authenticates and authorizes each route; services validate the same token again.
        builder.AddHavenIdentity();
        builder.Services.AddGatewayRateLimits(options);
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(options.AllowedOrigins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "traceparent", "tracestate")
            .WithExposedHeaders(TraceResponseMiddleware.HeaderName, "Retry-After")));

        // A destination such as "http://intake" becomes one destination per endpoint that service discovery
        // lists (services__intake__http__0, __1, ...): under Aspire that is usually the one proxy address of
        // the service, where several replicas are run directly it is each of them. Its health address is
        // rebased the same way, so the clusters' active health checks keep working per endpoint.
        // The clusters' AvailableDestinationsPolicy is HealthyAndUnknown: a service the probes found down gets a 503 at
        // once, even when its one proxy address is its only destination (YARP's default would keep forwarding to it,
        // and Aspire's proxy holds such a connection open until the client gives up). The probes ask /alive, whether the process
        // answers, not /health: a service whose broker is down still takes requests (they publish through its outbox), and one
        // whose database is down answers 503 itself. Probing /health refused every report while RabbitMQ restarted (fault suite).
        // Passive health checks are off: the one address of a service is the orchestrator's proxy in front of its replicas, and
        // the transport errors of one killed replica took the whole service out of rotation for a minute (fault suite).
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
    }

    /// <summary>Everything that runs before a request is forwarded, in the order that matters.</summary>
    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
        app.UseMiddleware<TraceResponseMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        // Before the stripper, which then removes the web application's headers with every other X-Haven- header.
        app.UseMiddleware<WebAppClientAddress>();
        app.UseMiddleware<IdentityHeaderStripper>();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication, so that the per-institution limit knows the institution.
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// An /api path that no service route matches is a 404 of the gateway's own: the web application's catch-all route
    /// (the lowest priority) serves pages, never the API's namespace.
    /// </summary>
    public static IEndpointConventionBuilder MapUnknownApiPaths(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map("api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound)).AllowAnonymous();

    // Goes first in the proxy pipeline so that it sees the outcome of load balancing and forwarding.
    public static IReverseProxyApplicationBuilder UseForwarderProblemDetails(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<ForwarderProblemDetailsMiddleware>();
        return proxy;
    }
}
