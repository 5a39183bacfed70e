namespace Haven.Hosting;

/// <summary>
/// A local SMTP server that keeps every message it accepts in a Maildir in the data folder (nothing leaves the machine),
/// reached as <c>ConnectionStrings__{name}</c> = <c>Endpoint=smtp://host:port</c>, the form Aspire's mail-server
/// integrations use. A deployment points the same connection string at its real relay.
/// </summary>
public sealed class SmtpServerResource(string name) : Resource(name), IResourceWithConnectionString
{
    public const int TargetPort = 1025;

    public int? Port { get; internal set; }

    /// <summary>The Maildir the server writes to; delivered messages are files in its <c>new</c> folder.</summary>
    public string? MailDirectory { get; internal set; }

    public string? ConnectionString => Port is { } port ? $"Endpoint=smtp://127.0.0.1:{port}" : null;

    public string ConnectionStringExpression => $"Endpoint=smtp://{{{Name}.bindings.smtp.host}}:{{{Name}.bindings.smtp.port}}";
}
