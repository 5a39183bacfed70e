using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Haven.Notification.Webhooks;

/// <summary>
/// <c>X-Haven-Timestamp: &lt;unix seconds of this attempt&gt;</c> and
/// <c>X-Haven-Signature: sha256=&lt;hex HMAC-SHA256 of "&lt;timestamp&gt;.&lt;raw body&gt;", keyed with the subscription's secret&gt;</c>.
/// Signing the attempt's time lets a receiver refuse a captured request replayed later, while a deliberate replay of an
/// old event (same id, same body) is signed afresh.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Haven-Signature";
    public const string TimestampHeader = "X-Haven-Timestamp";

    public static string Timestamp(DateTimeOffset now) => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
