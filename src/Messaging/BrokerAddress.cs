using MassTransit;

namespace Haven.Messaging;

public static class BrokerAddress
{
    /// <summary>
    /// The broker an amqp:// URI names, as Aspire passes it in <c>ConnectionStrings__messaging</c>: host, port, virtual
    /// host and the credentials in its user part. Services, tests and benchmarks all connect through this one reading.
    /// </summary>
    public static void HostAt(this IRabbitMqBusFactoryConfigurator rabbit, string amqp, Action<IRabbitMqHostConfigurator>? configure = null)
    {
        var broker = new Uri(amqp);
        var credentials = broker.UserInfo.Split(':', 2);
        var virtualHost = broker.AbsolutePath is "" or "/" ? "/" : Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
        rabbit.Host(broker.Host, (ushort)broker.Port, virtualHost, host =>
        {
            host.Username(Uri.UnescapeDataString(credentials[0]));
            host.Password(credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "");
            configure?.Invoke(host);
        });
    }
}
