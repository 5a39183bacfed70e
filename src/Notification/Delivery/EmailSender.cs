using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Haven.Notification.Delivery;

/// <summary>
/// Sends through the SMTP relay of <c>ConnectionStrings__smtp</c> (<c>Endpoint=smtp://host:port</c>, as the AppHost and
/// Aspire's mail-server integrations pass it), with MailKit: <c>smtps://</c> is TLS from the first byte, <c>smtp://</c>
/// upgrades with STARTTLS when the relay offers it. A new connection per message: an <see cref="SmtpClient"/> sends one
/// message at a time, and notification emails are too rare for a pool to pay.
/// </summary>
public sealed class EmailSender(IConfiguration configuration, NotificationOptions options)
{
    private readonly Uri? _relay = Parse(configuration.GetConnectionString("smtp"));
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.EmailFrom);

    public async Task SendAsync(string to, string subject, string body, Guid deliveryId, CancellationToken cancellationToken)
    {
        var relay = _relay ?? throw new InvalidOperationException("No SMTP relay is configured (ConnectionStrings:smtp).");
        using var message = new MimeMessage([_from], [MailboxAddress.Parse(to)], subject,
            // Base64 passes unchanged through any relay, whether or not it takes 8-bit mail.
            new TextPart(MimeKit.Text.TextFormat.Plain) { Text = body, ContentTransferEncoding = ContentEncoding.Base64 });
        // Lets a bounce or a support question be traced to the delivery without naming the case.
        message.Headers.Add("X-Haven-Delivery", deliveryId.ToString());

        using var client = new SmtpClient { Timeout = 15_000 };
        await client.ConnectAsync(relay.Host, relay.Port,
            relay.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static Uri? Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }
        var endpoint = connectionString.Split(';').Select(part => part.Split('=', 2))
            .FirstOrDefault(kv => kv.Length == 2 && kv[0].Trim().Equals("Endpoint", StringComparison.OrdinalIgnoreCase))?[1]
            ?? connectionString;
        return new Uri(endpoint.Trim());
    }
}
