using System.Net.Mail;

namespace Haven.Notification.Delivery;

/// <summary>
/// Sends through the SMTP relay of <c>ConnectionStrings__smtp</c> (<c>Endpoint=smtp://host:port</c>, as the AppHost and
/// Aspire's mail-server integrations pass it). A new client per message: <see cref="SmtpClient"/> is not thread-safe.
/// </summary>
public sealed class EmailSender(IConfiguration configuration, NotificationOptions options)
{
    private readonly Uri? _relay = Parse(configuration.GetConnectionString("smtp"));

    public async Task SendAsync(string to, string subject, string body, Guid deliveryId, CancellationToken cancellationToken)
    {
        var relay = _relay ?? throw new SmtpException("No SMTP relay is configured (ConnectionStrings:smtp).");
        using var client = new SmtpClient(relay.Host, relay.Port) { EnableSsl = relay.Scheme == "smtps", Timeout = 15_000 };
        using var message = new MailMessage(new MailAddress(ParseFrom(options.EmailFrom).Address, ParseFrom(options.EmailFrom).DisplayName),
            new MailAddress(to))
        {
            Subject = subject,
            Body = body,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        // Lets a bounce or a support question be traced to the delivery without naming the case.
        message.Headers.Add("X-Haven-Delivery", deliveryId.ToString());
        await client.SendMailAsync(message, cancellationToken);
    }

    private static MailAddress ParseFrom(string from) => new(from);

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
