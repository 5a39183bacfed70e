namespace Haven.Hosting;

/// <summary>A RabbitMQ broker run as its own Erlang node, with generated credentials.</summary>
public sealed class RabbitMQServerResource(string name, ParameterResource userName, ParameterResource password)
    : Resource(name), IResourceWithConnectionString
{
    public ParameterResource UserName { get; } = userName;
    public ParameterResource Password { get; } = password;
    public bool ManagementPluginEnabled { get; internal set; }
    public int? Port { get; internal set; }
    public int? ManagementPort { get; internal set; }

    public string? ConnectionString => Port is { } port
        ? $"amqp://{Uri.EscapeDataString(UserName.Value!)}:{Uri.EscapeDataString(Password.Value!)}@127.0.0.1:{port}"
        : null;

    public string? ManagementUrl => ManagementPort is { } port ? $"http://127.0.0.1:{port}" : null;

    public string ConnectionStringExpression =>
        $"amqp://{{{UserName.Name}.value}}:{{{Password.Name}.value}}@{{{Name}.bindings.tcp.host}}:{{{Name}.bindings.tcp.port}}";
}
