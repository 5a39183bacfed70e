namespace Haven.Platform.IntegrationTests;

/// <summary>This process's descendants, read from /proc (pid and start time, so a reused pid is not mistaken for a survivor).</summary>
internal static class ProcessTree
{
    public readonly record struct ProcessId(int Pid, long StartTime, string Command);

    public static HashSet<ProcessId> Descendants()
    {
        var all = Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? Read(pid) : null)
            .OfType<(ProcessId Id, int ParentPid)>()
            .ToList();

        var descendants = new HashSet<ProcessId>();
        var frontier = new Queue<int>([Environment.ProcessId]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in all.Where(p => p.ParentPid == parent))
            {
                if (descendants.Add(child.Id))
                {
                    frontier.Enqueue(child.Id.Pid);
                }
            }
        }
        return descendants;
    }

    /// <summary>A zombie (ended, not yet reaped by its parent) is not alive.</summary>
    public static bool IsAlive(ProcessId process) =>
        Read(process.Pid) is { } current && current.Id.StartTime == process.StartTime && State(process.Pid) != 'Z';

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
    private static (ProcessId Id, int ParentPid)? Read(int pid)
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
