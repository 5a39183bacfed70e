using System.Security.Cryptography;
using System.Text;
using Haven.Notification.Partners;
using Haven.Notification.Webhooks;

namespace Haven.Notification.Tests;

public sealed class When_a_webhook_body_is_signed
{
    private const string Secret = "whsec_test-only-secret";
    private const string Body = """{"specversion":"1.0","id":"6f1c"}""";

    private const string Timestamp = "1795000000";

    [Theory]
    // printf '%s' "$TIMESTAMP.$BODY" | openssl dgst -sha256 -hmac 'whsec_test-only-secret', as the README tells partners to check.
    [InlineData(Body, "5ab7aec374c3f5d6140d6b25c2fed5cc5ea6a4cbc812fc4aa5e78d3b1a804401")]
    [InlineData("Zoë – café", "1d78806fafca58cf3153fa1e926f66e918018fbbbc064b9865e70c2aea03fd06")]
    public void A_partner_computing_the_hmac_over_timestamp_dot_raw_utf8_body_gets_the_same_hex(string body, string opensslHex) =>
        Assert.Equal("sha256=" + opensslHex, WebhookSignature.Sign(Secret, Timestamp, body));

    [Fact]
    public void The_receiver_recipe_of_the_readme_accepts_the_request_as_sent_and_refuses_it_altered()
    {
        var header = WebhookSignature.Sign(Secret, Timestamp, Body);

        Assert.True(Accepts(header, Secret, Timestamp, Body));
        Assert.False(Accepts(header, Secret, Timestamp, Body.Replace("6f1c", "6f1d")));
        Assert.False(Accepts(header, Secret, Timestamp, Body + " "));
        Assert.False(Accepts(header, "whsec_another-secret", Timestamp, Body));
        // A captured request replayed with a fresh timestamp header no longer matches its signature.
        Assert.False(Accepts(header, Secret, "1795000600", Body));
    }

    [Fact]
    public void A_cloud_event_body_from_the_sdk_is_accepted_as_sent_and_still_parses()
    {
        var body = PartnerEvent.Create(Guid.NewGuid(), "mercy", "haven.cases.case-overdue.v1", Guid.NewGuid(), DateTimeOffset.UtcNow,
            new { Note = "Zoë – café" }).ToJson();

        Assert.True(Accepts(WebhookSignature.Sign(Secret, Timestamp, body), Secret, Timestamp, body));
        Assert.Equal("haven.cases.case-overdue.v1", PartnerEvent.Parse(body).Type);
    }

    [Fact]
    public void The_timestamp_is_the_attempt_s_time_in_unix_seconds() =>
        Assert.Equal(Timestamp, WebhookSignature.Timestamp(DateTimeOffset.FromUnixTimeSeconds(1795000000).AddMilliseconds(999)));

    [Fact]
    public void Each_subscription_gets_its_own_256_bit_secret()
    {
        var first = WebhookSignature.NewSecret();
        var second = WebhookSignature.NewSecret();

        Assert.Matches("^whsec_[0-9a-f]{64}$", first);
        Assert.Matches("^whsec_[0-9a-f]{64}$", second);
        Assert.NotEqual(first, second);
    }

    /// <summary>The check the README gives partners: HMAC of "timestamp.body" over the raw bytes, compared in constant time.</summary>
    private static bool Accepts(string header, string secret, string timestamp, string body)
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header));
    }
}
