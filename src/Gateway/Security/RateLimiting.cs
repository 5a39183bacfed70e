using System.Globalization;
using System.Threading.RateLimiting;
using Haven.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Haven.Gateway.Security;

/// <summary>
/// One institution cannot exhaust the platform for the others, and one client address cannot flood the
/// anonymous routes. Policy names are used by the routes in appsettings.json.
/// </summary>
public static class RateLimiting
{
    public const string PerInstitution = "per-institution";
    public const string AnonymousPerClient = "anonymous-per-client";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, GatewayOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PerInstitution, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(HavenClaims.Institution)?.Value ?? "unauthenticated",
                _ => PerMinute(options.PerInstitutionPerMinute)));
            // A signed-in reporter on an anonymous route counts against their institution, not their address.
            limiter.AddPolicy(AnonymousPerClient, context => context.User.FindFirst(HavenClaims.Institution)?.Value is { } institution
                ? RateLimitPartition.GetFixedWindowLimiter($"institution:{institution}", _ => PerMinute(options.PerInstitutionPerMinute))
                : RateLimitPartition.GetFixedWindowLimiter($"client:{context.Connection.RemoteIpAddress}",
                    _ => PerMinute(options.AnonymousPerClientPerMinute)));
            limiter.OnRejected = RejectAsync;
        });

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = $"Too many requests; try again in {seconds} s." },
        });
    }
}
