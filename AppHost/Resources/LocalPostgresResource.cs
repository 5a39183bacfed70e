namespace Haven.AppHost.Resources;

/// <summary>
/// PostgreSQL from this machine's installation, run by the AppHost in a data folder of its own. Aspire's
/// <c>AddPostgres</c> needs a container engine, which local runs and CI here do not have.
/// </summary>
public sealed class LocalPostgresResource(string name, string command, string dataDirectory, ParameterResource password)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    public const string UserName = "postgres";

    /// <summary>
    /// The server's connection budget, and each service process's share of it. Npgsql's own default (100 per process) lets ten
    /// processes (the fault suite runs two replicas of each consuming service) ask for 1,000: after a database restart their
    /// backlogs did, the server refused them ("too many clients") for three minutes, and deadlines fired more than a minute late.
    /// With a share, a busy process queues for its own connections instead.
    /// </summary>
    public const int MaxConnections = 300;
    public const int PoolSizePerProcess = 24;

    public string DataDirectory => WorkingDirectory;

    public ParameterResource Password => password;

    public EndpointReference Endpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");

    public List<LocalPostgresDatabaseResource> Databases { get; } = [];
}

/// <summary>One service's database on the local server; created when the server is ready, its schema by the service's migrations.</summary>
public sealed class LocalPostgresDatabaseResource(string name, LocalPostgresResource server)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    private static readonly string PoolSize = LocalPostgresResource.PoolSizePerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public LocalPostgresResource Parent => server;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{Parent};Database={Name};Maximum Pool Size={PoolSize}");
}
