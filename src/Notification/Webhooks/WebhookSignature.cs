using System.Security.Cryptography;
using System.Text;

namespace Haven.Notification.Webhooks;

/// <summary><c>X-Haven-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body, keyed with the subscription's secret&gt;</c>.</summary>
public static class WebhookSignature
{
    public const string Header = "X-Haven-Signature";

    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
