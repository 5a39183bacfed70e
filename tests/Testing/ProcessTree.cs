namespace Haven.Testing;

/// <summary>Processes and their descendants, read from /proc (pid and start time, so a reused pid is not mistaken for a survivor).</summary>
public static class ProcessTree
{
    public readonly record struct ProcessId(int Pid, long StartTime, string Command);

    public static ProcessId? Read(int pid) => ReadWithParent(pid)?.Id;

    /// <summary><paramref name="roots"/> and everything they started, and so on down.</summary>
    public static HashSet<ProcessId> Trees(IEnumerable<ProcessId> roots)
    {
        var all = ReadAll();
        var trees = roots.ToHashSet();
        var frontier = new Queue<int>(trees.Select(p => p.Pid));
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in all.Where(p => p.ParentPid == parent))
            {
                if (trees.Add(child.Id))
                {
                    frontier.Enqueue(child.Id.Pid);
                }
            }
        }
        return trees;
    }

    private static List<(ProcessId Id, int ParentPid)> ReadAll() => Directory.GetDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? ReadWithParent(pid) : null)
        .OfType<(ProcessId Id, int ParentPid)>()
        .ToList();

    /// <summary>A zombie (ended, not yet reaped by its parent) is not alive.</summary>
    public static bool IsAlive(ProcessId process) =>
        ReadWithParent(process.Pid) is { } current && current.Id.StartTime == process.StartTime && State(process.Pid) != 'Z';

    private static char? State(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return null;
        }
    }

    // /proc/PID/stat: "pid (comm) state ppid ... starttime(22nd field)"; comm may contain spaces, so split after ')'.
    private static (ProcessId Id, int ParentPid)? ReadWithParent(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return (new ProcessId(pid, long.Parse(fields[19]), command), int.Parse(fields[1]));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
