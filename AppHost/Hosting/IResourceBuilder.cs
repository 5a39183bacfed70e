namespace Haven.Hosting;

/// <summary>A handle on a resource of the graph, for the fluent <c>With...</c> calls (Aspire's shape).</summary>
public interface IResourceBuilder<out T> where T : Resource
{
    T Resource { get; }
    DistributedApplicationBuilder ApplicationBuilder { get; }
}

internal sealed record ResourceBuilder<T>(T Resource, DistributedApplicationBuilder ApplicationBuilder) : IResourceBuilder<T>
    where T : Resource;
