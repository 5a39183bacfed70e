using Yarp.ReverseProxy.Forwarder;

namespace Haven.Gateway;

// YARP answers a failed forward with a bare status code; clients get RFC 7807 instead, and a
// status that tells "service down" (503) from "service too slow" (504) and "broken exchange" (502).
public sealed class ForwarderProblemDetailsMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        if (context.GetForwarderErrorFeature() is not { } error
            || context.Response.HasStarted
            || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var status = StatusCodeFor(error);
        context.Response.StatusCode = status;
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = DetailFor(status) },
        });
    }

    private static int StatusCodeFor(IForwarderErrorFeature error) => error switch
    {
        { Error: ForwarderError.NoAvailableDestinations } => StatusCodes.Status503ServiceUnavailable,
        { Error: ForwarderError.RequestTimedOut } => StatusCodes.Status504GatewayTimeout,
        // A chunked body that grew past the gateway's limit while it was being forwarded.
        { Exception: { } exception } when Causes(exception).Any(e => e is BadHttpRequestException
            {
                StatusCode: StatusCodes.Status413PayloadTooLarge,
            }) => StatusCodes.Status413PayloadTooLarge,
        { Exception: { } exception } when Causes(exception).Any(e => e is TimeoutException) =>
            StatusCodes.Status504GatewayTimeout,
        // Nothing was sent to the service: it is not running (refused) or not resolvable.
        { Exception: { } exception } when Causes(exception).Any(e => e is HttpRequestException
            {
                HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
            }) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status502BadGateway,
    };

    private static string DetailFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than the gateway accepts.",
        StatusCodes.Status503ServiceUnavailable => "The service for this route is not available. Try again later.",
        StatusCodes.Status504GatewayTimeout => "The service for this route did not answer in time.",
        _ => "The service for this route returned an invalid response.",
    };

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
