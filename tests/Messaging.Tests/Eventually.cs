using System.Diagnostics;

namespace Haven.Messaging.Tests;

/// <summary>Waits for a condition of the real system, with a deadline instead of a guessed sleep.</summary>
internal static class Eventually
{
    public static async Task Until(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting until {what}.");
            }
            await Task.Delay(25);
        }
    }
}
