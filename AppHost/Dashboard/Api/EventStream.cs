using System.Threading.Channels;

namespace Haven.Hosting.Dashboard.Api;

internal static class EventStream
{
    /// <summary>
    /// Waits for the next item; false once the browser has gone or the AppHost is stopping, so that a server-sent
    /// event stream ends as a finished response instead of holding the shutdown until it is aborted.
    /// </summary>
    public static async Task<bool> WaitAsync<T>(this ChannelReader<T> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
