namespace Haven.Platform.IntegrationTests;

internal static class ConsoleLogs
{
    /// <summary>The last lines of every instance's console, to explain a failed start in the test output.</summary>
    public static string Tail(DistributedApplication app, int lines = 30) =>
        string.Join('\n', app.ResourceNotifications.Snapshots.SelectMany(s =>
            app.ResourceLogs.GetLines(s.Instance).TakeLast(lines).Select(l => $"[{l.Instance}] {l.Text}")));
}
