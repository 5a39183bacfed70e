namespace Haven.Hosting;

/// <summary>A .NET project started from its build output, one process per replica.</summary>
public sealed class ProjectResource(string name, string projectPath) : Resource(name)
{
    /// <summary>Absolute path of the project file.</summary>
    public string ProjectPath { get; } = projectPath;

    public int Replicas { get; internal set; } = 1;

    /// <summary>A fixed port for the first replica's http endpoint; null picks a free one.</summary>
    public int? HttpPort { get; internal set; }

    public bool IsExternal { get; internal set; }

    public List<IResourceWithConnectionString> ConnectionStringReferences { get; } = [];
    public List<ProjectResource> ServiceReferences { get; } = [];

    /// <summary>The development identity provider whose issuers the project trusts (local runs only).</summary>
    public DevelopmentIdentityResource? IdentityReference { get; internal set; }
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>The http endpoints of the running replicas, in replica order.</summary>
    public IReadOnlyList<Uri> HttpEndpoints { get; internal set; } = [];
}
