namespace Haven.Hosting.Dashboard.Api;

public sealed record ResourceView(string Name, string Type, string Source, int Replicas, IReadOnlyList<InstanceView> Instances);

public sealed record InstanceView(
    string Name,
    ResourceState State,
    string? Health,
    DateTimeOffset? StartedAt,
    int? ProcessId,
    int? ExitCode,
    IReadOnlyList<string> Urls,
    string? Message,
    IReadOnlyList<string> Actions);

internal static class ResourceViews
{
    /// <summary>Every resource that has instances, in the order the graph declares them.</summary>
    public static List<ResourceView> From(DistributedApplication app)
    {
        var snapshots = app.ResourceNotifications.Snapshots.ToLookup(s => s.Resource);
        return [.. app.Resources.Where(r => snapshots.Contains(r.Name)).Select(resource =>
        {
            var instances = snapshots[resource.Name].OrderBy(s => s.Instance.Length).ThenBy(s => s.Instance, StringComparer.Ordinal).ToList();
            return new ResourceView(resource.Name, instances[0].Type, SourceOf(resource), instances.Count,
                [.. instances.Select(s => ToView(s, resource is ProjectResource))]);
        })];
    }

    private static InstanceView ToView(ResourceSnapshot snapshot, bool isProject) => new(
        snapshot.Instance,
        snapshot.State,
        snapshot.State switch { ResourceState.Healthy => "Healthy", ResourceState.Unhealthy => "Unhealthy", _ => null },
        snapshot.StartedAt,
        snapshot.ProcessId,
        snapshot.ExitCode,
        snapshot.Urls ?? [],
        snapshot.Message,
        // The orchestrator can stop and start project replicas; servers live as long as the AppHost.
        !isProject ? [] : snapshot.IsTerminal ? ["start"] : ["stop", "restart"]);

    private static string SourceOf(Resource resource) => resource switch
    {
        ProjectResource project => Path.GetFileName(project.ProjectPath),
        PostgresServerResource => "postgres",
        PostgresDatabaseResource database => $"{database.DatabaseName} on {database.Server.Name}",
        RabbitMQServerResource => "rabbitmq-server",
        _ => "",
    };
}
