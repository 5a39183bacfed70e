using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Haven.Hosting;

/// <summary>
/// Aspire.Hosting.Testing's entry point, in spirit: runs the AppHost's own Program to get the very graph it
/// declares, stops it at <c>Build()</c>, and lets the test adjust and start it on free ports in a temporary folder.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    private static readonly AsyncLocal<bool> Intercepting = new();

    public static Task<DistributedApplicationTestingBuilderHandle> CreateAsync<TEntryPoint>(params string[] args) where TEntryPoint : class
    {
        var entryPoint = typeof(TEntryPoint).Assembly.EntryPoint
            ?? throw new InvalidOperationException($"{typeof(TEntryPoint).Assembly.GetName().Name} has no entry point.");
        Intercepting.Value = true;
        try
        {
            entryPoint.Invoke(null, [args]);
        }
        catch (TargetInvocationException e) when (e.InnerException is BuildIntercepted intercepted)
        {
            return Task.FromResult(new DistributedApplicationTestingBuilderHandle(intercepted.Builder));
        }
        finally
        {
            Intercepting.Value = false;
        }
        throw new InvalidOperationException("The AppHost's entry point never called Build().");
    }

    /// <summary>An empty graph with the testing defaults, for tests that need only some infrastructure (e.g. PostgreSQL and RabbitMQ).</summary>
    public static DistributedApplicationTestingBuilderHandle CreateEmpty(params string[] args)
    {
        Intercepting.Value = true;
        try
        {
            return new DistributedApplicationTestingBuilderHandle(DistributedApplication.CreateBuilder(args));
        }
        finally
        {
            Intercepting.Value = false;
        }
    }

    internal static void ConfigureForTesting(DistributedApplicationBuilder builder, ConfigurationManager configuration)
    {
        if (!Intercepting.Value)
        {
            return;
        }
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataDirectory"] = Path.Combine(Path.GetTempPath(), $"haven-test-{Guid.NewGuid():N}"),
            ["DeleteDataOnDispose"] = "true",
            ["GatewayPort"] = "0",
            ["DashboardPort"] = "0",
            ["DashboardOtlpPort"] = "0",
            ["EchoConsoleLogs"] = "false",
            ["Publisher"] = null,
        });
    }

    internal static void InterceptBuild(DistributedApplicationBuilder builder)
    {
        if (Intercepting.Value)
        {
            throw new BuildIntercepted(builder);
        }
    }

    private sealed class BuildIntercepted(DistributedApplicationBuilder builder) : Exception
    {
        public DistributedApplicationBuilder Builder { get; } = builder;
    }
}

/// <summary>The AppHost's graph, not yet started: change it (e.g. replicas), then build and start it.</summary>
public sealed class DistributedApplicationTestingBuilderHandle(DistributedApplicationBuilder builder)
{
    public DistributedApplicationBuilder Builder { get; } = builder;

    public IResourceBuilder<ProjectResource> Project(string name) => Builder.CreateResourceBuilder<ProjectResource>(name);

    public Task<DistributedApplication> BuildAsync() => Task.FromResult(Builder.BuildApplication());
}
