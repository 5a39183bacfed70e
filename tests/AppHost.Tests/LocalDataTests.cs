namespace Haven.AppHost.Tests;

public sealed class The_local_data_folder : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("haven-data-");

    [Fact]
    public void A_second_run_in_the_same_folder_is_refused_while_the_first_lives()
    {
        Assert.True(LocalData.TryOpen(Builder(), out var first));

        Assert.False(LocalData.TryOpen(Builder(), out var second));
        Assert.Null(second);
        Assert.Equal(_data.FullName, first.Directory);
    }

    [Fact]
    public void Fresh_empties_the_folder_before_the_run_uses_it()
    {
        File.WriteAllText(Path.Combine(_data.FullName, "left-over"), "from an earlier run");
        Directory.CreateDirectory(Path.Combine(_data.FullName, "postgres"));

        Assert.True(LocalData.TryOpen(Builder("--fresh=true"), out _));

        Assert.Equal([".lock"], _data.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    [Fact]
    public void Without_fresh_the_data_of_an_earlier_run_is_kept()
    {
        File.WriteAllText(Path.Combine(_data.FullName, "kept"), "from an earlier run");

        Assert.True(LocalData.TryOpen(Builder(), out _));

        Assert.True(File.Exists(Path.Combine(_data.FullName, "kept")));
    }

    private IDistributedApplicationBuilder Builder(params string[] args) =>
        DistributedApplication.CreateBuilder([$"--data-dir={_data.FullName}", .. args]);

    public void Dispose() => _data.Delete(recursive: true);
}
