using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Haven.Hosting;

/// <summary>
/// A child process in a session of its own (setsid), so that a terminal's Ctrl+C reaches only the AppHost,
/// which then stops children in order; stopping signals the whole process group, so grandchildren
/// (Erlang's helpers, PostgreSQL's backends) go too.
/// </summary>
internal sealed partial class ManagedProcess
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private readonly Process _process;

    private ManagedProcess(Process process, Task<int> exited)
    {
        _process = process;
        Exited = exited;
    }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code when the process ends, for whatever reason.</summary>
    public Task<int> Exited { get; }

    public static ManagedProcess Start(string instance, string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, string workingDirectory, ResourceLoggerService logs)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) logs.Log(instance, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) logs.Log(instance, e.Data, isError: true); };
        process.Exited += (_, _) =>
        {
            // The parameterless wait drains the redirected output before we report the exit.
            process.WaitForExit();
            exited.TrySetResult(process.ExitCode);
        };

        if (!process.Start())
        {
            throw new DistributedApplicationException($"{fileName} did not start.");
        }
        // Children never read the AppHost's terminal.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ManagedProcess(process, exited.Task);
    }

    /// <summary>Asks the process to stop with <paramref name="signal"/>; after the grace period, kills its whole group.</summary>
    public async Task StopAsync(TimeSpan grace, int signal = SigTerm)
    {
        if (Exited.IsCompleted)
        {
            return;
        }
        Kill(Id, signal);
        try
        {
            await Exited.WaitAsync(grace);
        }
        catch (TimeoutException)
        {
        }
        // Negative pid: the process group the child leads, including anything it left behind.
        Kill(-Id, SigKill);
        await Exited;
    }

    public static bool IsAlive(int processId) => Kill(processId, 0) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
