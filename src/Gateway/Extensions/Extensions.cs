using Microsoft.Extensions.DependencyInjection.Extensions;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Haven.Gateway;

public static class Extensions
{
    public static void AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.GetCorrelationId());

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

        // YARP's default resolver uses addresses as written; "http://intake" must become every replica.
        builder.Services.Replace(ServiceDescriptor.Singleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>());
    }

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.UseMiddleware<CorrelationIdMiddleware>();

    // Goes first in the proxy pipeline so that it sees the outcome of load balancing and forwarding.
    public static IReverseProxyApplicationBuilder UseForwarderProblemDetails(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<ForwarderProblemDetailsMiddleware>();
        return proxy;
    }

    public static string GetCorrelationId(this HttpContext context) =>
        context.Request.Headers[CorrelationIdMiddleware.HeaderName].ToString();
}
