using System.Diagnostics;

namespace Haven.Gateway;

/// <summary>
/// Tells the client which trace its request became (W3C Trace Context's <c>traceresponse</c>), so that whoever investigates
/// finds it in the dashboard's traces and logs: the trace runs from here through the services (<c>traceparent</c> on every
/// forwarded request) and their messages (MassTransit carries it), and every problem body names it as <c>traceId</c>.
/// A client that already traces sends its own <c>traceparent</c>, and the request joins that trace.
/// </summary>
public sealed class TraceResponseMiddleware(RequestDelegate next)
{
    public const string HeaderName = "traceresponse";

    public Task InvokeAsync(HttpContext context)
    {
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = $"00-{activity.TraceId}-{activity.SpanId}-{(activity.Recorded ? "01" : "00")}";
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
