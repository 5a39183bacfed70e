using System.Collections.Concurrent;

namespace Haven.Hosting;

public sealed record LogLine(DateTimeOffset Timestamp, string Instance, string Text, bool IsError);

/// <summary>Each instance's console output, kept since start (bounded) and optionally echoed with a name prefix.</summary>
public sealed class ResourceLoggerService(bool echoToConsole, int maxLinesPerInstance = 10_000)
{
    private static readonly ConsoleColor[] PrefixColors =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta, ConsoleColor.Blue, ConsoleColor.DarkCyan];

    private readonly ConcurrentDictionary<string, Queue<LogLine>> _lines = new();
    private readonly Lock _consoleGate = new();

    public event Action<LogLine>? LineLogged;

    public IReadOnlyList<LogLine> GetLines(string instance)
    {
        if (!_lines.TryGetValue(instance, out var queue))
        {
            return [];
        }
        lock (queue)
        {
            return [.. queue];
        }
    }

    public void Log(string instance, string text, bool isError = false)
    {
        var line = new LogLine(DateTimeOffset.UtcNow, instance, text, isError);
        var queue = _lines.GetOrAdd(instance, _ => new Queue<LogLine>());
        lock (queue)
        {
            if (queue.Count == maxLinesPerInstance)
            {
                queue.Dequeue();
            }
            queue.Enqueue(line);
        }
        if (echoToConsole)
        {
            Echo(line);
        }
        LineLogged?.Invoke(line);
    }

    private void Echo(LogLine line)
    {
        lock (_consoleGate)
        {
            Console.ForegroundColor = PrefixColors[(uint)StringComparer.Ordinal.GetHashCode(line.Instance) % PrefixColors.Length];
            Console.Write($"[{line.Instance}] ");
            Console.ResetColor();
            Console.WriteLine(line.Text);
        }
    }
}
