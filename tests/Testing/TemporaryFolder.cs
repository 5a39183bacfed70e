namespace Haven.Testing;

/// <summary>
/// A stack's temporary data folder, removed when disposed. Declared before the stack (<c>using var data = …; await using var
/// app = …</c>), it is disposed after it: the folder goes once PostgreSQL and RabbitMQ have stopped writing to it.
/// </summary>
public sealed class TemporaryFolder : IDisposable
{
    public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("haven-bench-");

    public void Dispose()
    {
        if (Directory.Exists)
        {
            Directory.Delete(recursive: true);
        }
    }
}
