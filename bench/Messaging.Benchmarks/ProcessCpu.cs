using Npgsql;

namespace Haven.Messaging.Benchmarks;

/// <summary>
/// CPU time used so far by this process, by the PostgreSQL server and by the RabbitMQ node the benchmark talks to, read
/// from Linux's <c>/proc</c>. On two cores the three share one budget, so CPU per message says where a pipeline's time
/// goes even when the machine is busy (other servers on the machine are not counted) and throughput is not comparable.
/// </summary>
public sealed class ProcessCpu
{
    // Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly int _postmaster;
    private readonly int _broker;

    private ProcessCpu(int postmaster, int broker) => (_postmaster, _broker) = (postmaster, broker);

    /// <summary>Finds the server behind <paramref name="database"/> and the node listening on <paramref name="broker"/>'s port.</summary>
    public static async Task<ProcessCpu> FindAsync(string database, string broker)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        // A connection's backend is a child of the server's postmaster.
        var postmaster = Parent(connection.ProcessID);
        return new ProcessCpu(postmaster, Listening(new Uri(broker).Port));
    }

    /// <summary>CPU so far: this process, the PostgreSQL server (its postmaster, ended and live backends), the RabbitMQ node.</summary>
    public (TimeSpan Bench, TimeSpan Postgres, TimeSpan Broker) Now()
    {
        var postgres = Seconds(_postmaster, withEndedChildren: true)
            + Processes().Where(p => Parent(p) == _postmaster).Sum(p => Seconds(p, withEndedChildren: false));
        return (TimeSpan.FromSeconds(Seconds(Environment.ProcessId, false)), TimeSpan.FromSeconds(postgres),
            TimeSpan.FromSeconds(_broker == 0 ? 0 : Seconds(_broker, true)));
    }

    /// <summary>Milliseconds of CPU per message since <paramref name="before"/>: this process, PostgreSQL, RabbitMQ.</summary>
    public string PerMessage((TimeSpan Bench, TimeSpan Postgres, TimeSpan Broker) before, int messages)
    {
        var after = Now();
        return $"{(after.Bench - before.Bench).TotalMilliseconds / messages:0.00} + "
            + $"{(after.Postgres - before.Postgres).TotalMilliseconds / messages:0.00} + "
            + $"{(after.Broker - before.Broker).TotalMilliseconds / messages:0.00}";
    }

    /// <summary>The process with a socket listening on <paramref name="port"/>, found through the socket's inode.</summary>
    private static int Listening(int port)
    {
        var socket = File.ReadLines("/proc/net/tcp").Concat(File.ReadLines("/proc/net/tcp6"))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            // local_address is "address:PORT" in hex; state 0A is LISTEN (never a header's); the inode is the tenth field.
            .Where(f => f[3] == "0A" && Convert.ToInt32(f[1].Split(':')[1], 16) == port)
            .Select(f => $"socket:[{f[9]}]")
            .FirstOrDefault();
        return socket is null ? 0 : Processes().FirstOrDefault(pid =>
        {
            try
            {
                return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Any(fd => new FileInfo(fd).LinkTarget == socket);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        });
    }

    /// <summary>
    /// CPU seconds so far of every live process on the machine, summed by process name (<c>Haven.Gateway</c>,
    /// <c>postgres</c>, …): where a request's time goes across the processes it passes through, on an otherwise idle machine.
    /// </summary>
    public static Dictionary<string, double> ByName()
    {
        var byName = new Dictionary<string, double>();
        foreach (var pid in Processes())
        {
            if (Stat(pid) is { } stat)
            {
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                byName[name] = byName.GetValueOrDefault(name) + Seconds(pid, withEndedChildren: false);
            }
        }
        return byName;
    }

    /// <summary>The <paramref name="top"/> processes by CPU ms per unit between two <see cref="ByName"/> snapshots.</summary>
    public static string Busiest(Dictionary<string, double> before, Dictionary<string, double> after, int units, int top = 4) =>
        string.Join(" + ", after.Select(p => (Name: p.Key, Ms: (p.Value - before.GetValueOrDefault(p.Key)) * 1000 / units))
            .OrderByDescending(p => p.Ms).Take(top).Select(p => $"{p.Name} {p.Ms:0.00}"));

    private static IEnumerable<int> Processes() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var pid) ? pid : 0).Where(pid => pid > 0);

    private static int Parent(int pid) => Fields(pid) is { } fields ? int.Parse(fields[1]) : 0;

    // utime + stime, and with cutime + cstime for what the process's ended children used.
    private static double Seconds(int pid, bool withEndedChildren) => Fields(pid) is { } fields
        ? (long.Parse(fields[11]) + long.Parse(fields[12]) + (withEndedChildren ? long.Parse(fields[13]) + long.Parse(fields[14]) : 0)) / TicksPerSecond
        : 0;

    // "pid (name) state ppid …": the name may hold spaces, so fields are counted from its closing parenthesis (state is 0).
    private static string[]? Fields(int pid) => Stat(pid) is { } stat ? stat[(stat.LastIndexOf(')') + 2)..].Split(' ') : null;

    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // It ended while being read.
        }
    }
}
