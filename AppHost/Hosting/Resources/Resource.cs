namespace Haven.Hosting;

/// <summary>A node of the application graph, as in Aspire's model.</summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;

    /// <summary>Resources that must be healthy before this one starts.</summary>
    public List<Resource> WaitsFor { get; } = [];

    public override string ToString() => Name;
}

/// <summary>A resource that others reach through <c>ConnectionStrings__{name}</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    /// <summary>The connection string of the running resource (null until it has started).</summary>
    string? ConnectionString { get; }

    /// <summary>The connection string as a manifest expression, e.g. <c>{postgres.connectionString};Database=x</c>.</summary>
    string ConnectionStringExpression { get; }
}

/// <summary>A resource that lives inside another (a database inside its server).</summary>
public interface IResourceWithParent
{
    Resource Parent { get; }
}
