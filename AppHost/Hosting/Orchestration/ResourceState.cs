namespace Haven.Hosting;

public enum ResourceState
{
    /// <summary>Waiting for the resources it depends on.</summary>
    Waiting,
    /// <summary>Process started, not answering yet.</summary>
    Starting,
    /// <summary>Running; no health check decided yet.</summary>
    Running,
    Healthy,
    /// <summary>Running, but its health check fails.</summary>
    Unhealthy,
    /// <summary>Stopped on request, or ended with exit code 0.</summary>
    Exited,
    /// <summary>Could not start, or ended with an error.</summary>
    Failed,
}

/// <summary>One running instance of a resource (a replica of a project, or the single process of a server).</summary>
public sealed record ResourceSnapshot(
    string Resource,
    string Instance,
    string Type,
    ResourceState State,
    DateTimeOffset? StartedAt = null,
    int? ProcessId = null,
    int? ExitCode = null,
    IReadOnlyList<string>? Urls = null,
    string? Message = null)
{
    public bool IsTerminal => State is ResourceState.Exited or ResourceState.Failed;
}
