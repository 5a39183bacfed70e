using System.Security.Cryptography;
using System.Text;
using Haven.Notification.Webhooks;

namespace Haven.Notification.Tests;

public sealed class When_a_webhook_body_is_signed
{
    private const string Secret = "whsec_test-only-secret";
    private const string Body = """{"specversion":"1.0","id":"6f1c"}""";

    [Fact]
    public void The_signature_is_the_rfc_4231_hmac_sha256_of_the_body_keyed_with_the_secret()
    {
        // RFC 4231, test case 2.
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            WebhookSignature.Sign("Jefe", "what do ya want for nothing?"));
    }

    [Theory]
    // printf '%s' "$BODY" | openssl dgst -sha256 -hmac 'whsec_test-only-secret', as the README tells partners to check.
    [InlineData(Body, "151f219ab4ddfc2a01f9d44e195454cc8eccabda43185bfab76625e40d61797f")]
    [InlineData("Zoë – café", "b53e8b7f97428695563b01dc3918f462e8e0e8ce598350f7bab705c3b0f1a0d1")]
    public void A_partner_computing_the_hmac_over_the_raw_utf8_bytes_gets_the_same_hex(string body, string opensslHex) =>
        Assert.Equal("sha256=" + opensslHex, WebhookSignature.Sign(Secret, body));

    [Fact]
    public void The_receiver_recipe_of_the_readme_accepts_the_body_as_sent_and_refuses_it_altered()
    {
        var header = WebhookSignature.Sign(Secret, Body);

        Assert.True(Accepts(header, Secret, Body));
        Assert.False(Accepts(header, Secret, Body.Replace("6f1c", "6f1d")));
        Assert.False(Accepts(header, Secret, Body + " "));
        Assert.False(Accepts(header, "whsec_another-secret", Body));
    }

    [Fact]
    public void Changing_the_event_time_in_the_body_changes_the_signature()
    {
        // The header signs the body alone, so an event's time is protected only as part of the body.
        var sent = CloudEvent.Create(Guid.NewGuid(), "mercy", "haven.cases.case-overdue.v1", "cases/1",
            new DateTimeOffset(2026, 11, 22, 21, 4, 5, TimeSpan.Zero), new { level = 2 }).ToJson();
        var replayed = sent.Replace("2026-11-22T21:04:05", "2026-11-23T21:04:05");

        Assert.NotEqual(sent, replayed);
        Assert.NotEqual(WebhookSignature.Sign(Secret, sent), WebhookSignature.Sign(Secret, replayed));
    }

    [Fact]
    public void Each_subscription_gets_its_own_256_bit_secret()
    {
        var first = WebhookSignature.NewSecret();
        var second = WebhookSignature.NewSecret();

        Assert.Matches("^whsec_[0-9a-f]{64}$", first);
        Assert.Matches("^whsec_[0-9a-f]{64}$", second);
        Assert.NotEqual(first, second);
    }

    /// <summary>The check the README gives partners: HMAC of the raw bytes, compared in constant time.</summary>
    private static bool Accepts(string header, string secret, string body)
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header));
    }
}
