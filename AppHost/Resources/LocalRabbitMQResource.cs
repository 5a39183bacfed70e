namespace Haven.AppHost.Resources;

/// <summary>
/// RabbitMQ from this machine's installation as a node of its own: its own node name, data, logs and configuration in
/// the data folder, and its own port mapper (<see cref="ErlangPortMapperResource"/>). Aspire's <c>AddRabbitMQ</c> needs a
/// container engine, which local runs and CI here do not have.
/// </summary>
public sealed class LocalRabbitMQResource(string name, string home, ParameterResource userName, ParameterResource password)
    // The server script itself: the /usr/sbin wrapper would switch to the rabbitmq user and its fixed folders.
    : ExecutableResource(name, "/usr/lib/rabbitmq/bin/rabbitmq-server", home), IResourceWithConnectionString
{
    public string Home => WorkingDirectory;

    public ParameterResource UserName => userName;

    public ParameterResource Password => password;

    public EndpointReference Amqp => new(this, "amqp");

    public EndpointReference Management => new(this, "management");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{Password}@{Amqp.Property(EndpointProperty.Host)}:{Amqp.Property(EndpointProperty.Port)}");
}

/// <summary>
/// Erlang's port mapper for the local broker, run in the foreground so that it stops with the application: the one Erlang
/// starts by itself daemonizes and outlives the node.
/// </summary>
public sealed class ErlangPortMapperResource(string name, string workingDirectory)
    : ExecutableResource(name, "/usr/bin/epmd", workingDirectory)
{
    public EndpointReference Endpoint => new(this, "tcp");
}
