using Haven.Intake.Triage;

namespace Haven.Intake.Tests;

public sealed class When_a_content_url_is_normalized
{
    [Theory]
    [InlineData("HTTPS://X.COM/drjane/status/123/", "https://x.com/drjane/status/123")]
    [InlineData("https://x.com:443/drjane/status/123#reply", "https://x.com/drjane/status/123")]
    [InlineData("http://example.org:80/a", "http://example.org/a")]
    [InlineData("http://example.org:8080/a", "http://example.org:8080/a")]
    [InlineData("https://x.com/p?utm_source=share&utm_MEDIUM=x&b=2&a=1", "https://x.com/p?a=1&b=2")]
    [InlineData("https://www.facebook.com/post/1?fbclid=abc", "https://www.facebook.com/post/1")]
    [InlineData("https://youtu.be/v?si=tracker&t=42", "https://youtu.be/v?t=42")]
    [InlineData("https://x.com/", "https://x.com")]
    [InlineData("  https://x.com/Path/Case  ", "https://x.com/Path/Case")]
    public void Spellings_of_one_page_become_one(string input, string expected)
    {
        Assert.True(UrlNormalizer.TryNormalize(input, out var normalized, out _));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("x.com/drjane")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.org/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:pass@example.org/")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_an_absolute_http_url_without_credentials_is_refused(string? input)
    {
        Assert.False(UrlNormalizer.TryNormalize(input, out _, out var error));
        Assert.NotNull(error);
    }
}
