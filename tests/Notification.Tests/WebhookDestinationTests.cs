using System.Net;
using Haven.Notification;
using Haven.Notification.Apis;
using Haven.Notification.Webhooks;

namespace Haven.Notification.Tests;

public sealed class When_a_webhook_points_inward
{
    private static readonly List<string> EventTypes = [WebhookEventTypes.CaseEscalated];

    [Theory]
    [InlineData("https://169.254.169.254/x")]
    [InlineData("https://localhost/x")]
    [InlineData("https://api.localhost/x")]
    [InlineData("https://10.0.0.1/x")]
    [InlineData("https://127.0.0.1:8443/x")]
    [InlineData("https://172.16.5.4/x")]
    [InlineData("https://192.168.1.1/x")]
    [InlineData("https://100.64.0.1/x")]
    [InlineData("https://0.0.0.0/x")]
    [InlineData("https://[::1]/x")]
    [InlineData("https://[fe80::1]/x")]
    [InlineData("https://[fd00::1]/x")]
    [InlineData("https://[::ffff:10.0.0.1]/x")]
    [InlineData("https://2130706433/x")]
    public void A_subscription_to_it_is_refused_outside_development_naming_the_url(string url)
    {
        var errors = WebhooksApi.Validate(new WebhookSubscriptionRequest(url, EventTypes), new WebhookOptions()).Errors;

        Assert.Equal([WebhookDestinations.Refused], errors["url"]);
        Assert.Empty(WebhooksApi.Validate(new WebhookSubscriptionRequest(url, EventTypes), new WebhookOptions { AllowPrivateDestinations = true }).Errors);
    }

    [Theory]
    [InlineData("https://hooks.partner.example/haven")]
    [InlineData("https://93.184.215.14/x")]
    [InlineData("https://[2606:4700::1111]/x")]
    public void A_public_destination_is_accepted(string url) =>
        Assert.Empty(WebhooksApi.Validate(new WebhookSubscriptionRequest(url, EventTypes), new WebhookOptions()).Errors);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:192.168.0.10")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("ff02::1")]
    [InlineData("::")]
    public void The_address_is_not_public(string address) => Assert.False(WebhookDestinations.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("64:ff9b::808:808")]
    public void The_address_is_public(string address) => Assert.True(WebhookDestinations.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.7")]
    [InlineData("::ffff:169.254.169.254")]
    public async Task A_public_looking_name_that_resolves_inward_is_refused_at_connect_time(string resolvesTo)
    {
        var asked = new List<string>();
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = WebhookDestinations.ConnectCallback((host, _) =>
            {
                asked.Add(host);
                return Task.FromResult(new[] { IPAddress.Parse(resolvesTo) });
            }),
        };
        using var client = new HttpClient(handler);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("https://hooks.partner.example/haven", new StringContent("{}")));

        Assert.Equal(["hooks.partner.example"], asked);
        Assert.Contains("Refused to connect to hooks.partner.example", refused.Message + refused.InnerException?.Message);
    }

    [Fact]
    public async Task A_name_resolving_to_a_local_receiver_is_refused_though_one_is_listening()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = WebhookDestinations.ConnectCallback((_, _) => Task.FromResult(new[] { IPAddress.Loopback })),
        };
        using var client = new HttpClient(handler);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync($"http://receiver.partner.example:{port}/", new StringContent("{}")));

        Assert.False(listener.Pending());
    }
}
