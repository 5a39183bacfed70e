namespace Haven.Hosting;

/// <summary>A PostgreSQL server run as a local process in its own data folder.</summary>
public sealed class PostgresServerResource(string name, ParameterResource password) : Resource(name), IResourceWithConnectionString
{
    public const string UserName = "postgres";

    public ParameterResource Password { get; } = password;
    public List<PostgresDatabaseResource> Databases { get; } = [];
    public int? Port { get; internal set; }

    public string? ConnectionString => Port is { } port
        ? $"Host=127.0.0.1;Port={port};Username={UserName};Password={Password.Value}"
        : null;

    public string ConnectionStringExpression =>
        $"Host={{{Name}.bindings.tcp.host}};Port={{{Name}.bindings.tcp.port}};Username={UserName};Password={{{Password.Name}.value}}";
}

/// <summary>One service's database on a PostgreSQL server, created when the server is up.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource server)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent
{
    public string DatabaseName { get; } = databaseName;
    public PostgresServerResource Server { get; } = server;
    Resource IResourceWithParent.Parent => Server;

    public string? ConnectionString => Server.ConnectionString is { } server ? $"{server};Database={DatabaseName}" : null;
    public string ConnectionStringExpression => $"{{{Server.Name}.connectionString}};Database={DatabaseName}";
}
