namespace Haven.AppHost.Resources;

/// <summary>
/// A local SMTP server (Debian's aiosmtpd) that keeps every message it accepts as a file in a Maildir in the data folder:
/// nothing leaves the machine. Services reach it as <c>ConnectionStrings__{name}</c> = <c>Endpoint=smtp://host:port</c>,
/// the form Aspire's mail integrations use; a deployment points the same connection string at its relay.
/// </summary>
public sealed class SmtpServerResource(string name, string home)
    : ExecutableResource(name, "/usr/bin/python3", home), IResourceWithConnectionString
{
    /// <summary>Delivered messages are files in its <c>new</c> folder.</summary>
    public string MailDirectory => Path.Combine(WorkingDirectory, "Maildir");

    public EndpointReference Endpoint => new(this, "smtp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint=smtp://{Endpoint.Property(EndpointProperty.Host)}:{Endpoint.Property(EndpointProperty.Port)}");
}
