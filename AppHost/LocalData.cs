using System.Diagnostics.CodeAnalysis;

namespace Haven.AppHost;

/// <summary>
/// The folder where a local run keeps PostgreSQL's and RabbitMQ's data, the mail it caught and the development
/// signing key (<c>.haven/</c> beside the repository, git-ignored; <c>--data-dir</c> chooses another). A run holds an
/// exclusive lock on it for as long as it lives, so a second run in the same folder stops before touching anything.
/// </summary>
public sealed class LocalData
{
    private readonly FileStream _lock;

    private LocalData(string directory, FileStream lockFile)
    {
        Directory = directory;
        _lock = lockFile;
    }

    public string Directory { get; }

    public string PathFor(params string[] parts) => Path.Combine([Directory, .. parts]);

    /// <summary>A folder of the data folder that only this user can read (keys kept between runs).</summary>
    public string PrivateFolder(string name)
    {
        var folder = System.IO.Directory.CreateDirectory(PathFor(name));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return folder.FullName;
    }

    /// <summary>The folder a run would use, without claiming it (for <c>./haven token</c> beside a live run).</summary>
    public static string DirectoryFor(IConfiguration configuration, string appHostDirectory) =>
        Path.GetFullPath(configuration["data-dir"] ?? Path.Combine(appHostDirectory, "..", ".haven"));

    /// <summary>Claims the folder for this run, emptied first with <c>--fresh</c>; false (and why, on stderr) when a run holds it.</summary>
    public static bool TryOpen(IDistributedApplicationBuilder builder, [NotNullWhen(true)] out LocalData? data)
    {
        var directory = DirectoryFor(builder.Configuration, builder.AppHostDirectory);
        System.IO.Directory.CreateDirectory(directory);
        if (TakeLock(directory) is not { } lockFile)
        {
            Console.Error.WriteLine($"Haven is already running with the data folder {directory}. " +
                "Stop that run first, or give this one another folder with --data-dir.");
            data = null;
            return false;
        }
        if (builder.Configuration.GetValue<bool>("fresh"))
        {
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos().Where(e => e.Name != LockName))
            {
                if (entry is DirectoryInfo folder) folder.Delete(recursive: true); else entry.Delete();
            }
        }
        // PostgreSQL runs as its own user and must be able to reach its folder inside this one.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        }
        data = new LocalData(directory, lockFile);
        builder.Services.AddSingleton(data);
        return true;
    }

    private const string LockName = ".lock";

    /// <summary>Whether a run holds the folder now (its lock cannot be taken), without keeping the lock.</summary>
    public static bool IsInUse(string directory)
    {
        if (!File.Exists(Path.Combine(directory, LockName)))
        {
            return false;
        }
        using var probe = TakeLock(directory);
        return probe is null;
    }

    // FileShare.None takes an exclusive flock(2) on Unix: the kernel drops it when the process dies, however it dies.
    private static FileStream? TakeLock(string directory)
    {
        try
        {
            return new FileStream(Path.Combine(directory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
