using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Haven.Gateway.Security;

// A declared oversized body is refused before authentication or a service spends anything on it; a chunked
// one is cut by Kestrel's limit, set to the same value, when it passes it.
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Detail = $"The request body may not exceed {limit} bytes." },
            });
            return;
        }
        await next(context);
    }
}
