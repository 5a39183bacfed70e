using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// Peer support in the web application beyond the supporter's offers (see <see cref="When_staff_use_the_web_app"/>): mercy's
/// network lead tunes the network and adds to its toolkit, and a case manager asks for support for herself and withdraws it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class When_peer_support_is_arranged_in_the_web_app(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private WebAppBrowser _browser = null!;

    public async Task InitializeAsync() => _browser = await WebAppBrowser.LaunchAsync(platform, output);

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task A_network_lead_tunes_the_offer_deadlines_and_check_ins_and_adds_to_the_toolkit()
    {
        using var api = platform.App.CreateHttpClient("gateway", "mercy", "lena", "network-lead");
        var before = await api.GetFromJsonAsync<JsonElement>("/api/peer-support/network/settings");
        var lena = await _browser.SignInAsync("mercy", "Lena Novak");
        try
        {
            await _browser.Scenario(lena, "support-network", async () =>
            {
                await lena.GotoAsync(_browser.Url("/support"));
                await lena.GetByRole(AriaRole.Link, new() { Name = "Your network's settings and requests" }).ClickAsync();
                await Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Your peer-support network" })).ToBeVisibleAsync();

                // A time nobody can read, and a second check-in before the first: each marked beside its field, nothing saved.
                await lena.GetByLabel("A supporter answers an offer within").FillAsync("soon");
                await lena.GetByRole(AriaRole.Button, new() { Name = "Save the settings" }).ClickAsync();
                await Expect(lena.Locator("#network-offerDeadline-error")).ToBeVisibleAsync();
                await lena.GetByLabel("A supporter answers an offer within").FillAsync("2d");
                await lena.GetByLabel("First check-in, after first contact").FillAsync("3d");
                await lena.GetByLabel("Second check-in, after first contact").FillAsync("1d");
                await lena.GetByRole(AriaRole.Button, new() { Name = "Save the settings" }).ClickAsync();
                await Expect(lena.Locator("#network-secondCheckIn-error")).ToBeVisibleAsync();
                Assert.Equal(before.ToString(), (await api.GetFromJsonAsync<JsonElement>("/api/peer-support/network/settings")).ToString());
                await _browser.CheckPageAsync(lena, "support-network-errors");

                await lena.GetByLabel("Second check-in, after first contact").FillAsync("14d");
                await lena.GetByRole(AriaRole.Button, new() { Name = "Save the settings" }).ClickAsync();
                await Expect(lena.GetByText("The settings are saved")).ToBeVisibleAsync();
                var saved = await api.GetFromJsonAsync<JsonElement>("/api/peer-support/network/settings");
                Assert.Equal("2.00:00:00", saved.GetProperty("offerDeadline").GetString());
                Assert.Equal("14.00:00:00", saved.GetProperty("secondCheckIn").GetString());
                await _browser.CheckPageAsync(lena, "support-network");
            });
        }
        finally
        {
            (await api.PutAsJsonAsync("/api/peer-support/network/settings", before)).EnsureSuccessStatusCode();
        }

        var title = $"Standing together online ({Guid.NewGuid():N})"[..40];
        await _browser.Scenario(lena, "support-toolkit", async () =>
        {
            await lena.GotoAsync(_browser.Url("/support"));
            await lena.GetByRole(AriaRole.Link, new() { Name = "The toolkit" }).ClickAsync();
            await Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Lock down your accounts" })).ToBeVisibleAsync();
            await lena.GetByLabel("Topic").FillAsync("amplify");
            await lena.GetByRole(AriaRole.Button, new() { Name = "Add to the toolkit" }).ClickAsync();
            await Expect(lena.Locator("#resource-title-error")).ToBeVisibleAsync();

            await lena.GetByLabel("Title").FillAsync(title);
            await lena.GetByLabel("Link (optional, https)").FillAsync("https://lakeshore.example/amplify");
            await lena.GetByLabel("What it helps with (optional)").FillAsync("How the coalition posts supportive messages, never the abuse itself.");
            await lena.GetByRole(AriaRole.Button, new() { Name = "Add to the toolkit" }).ClickAsync();
            await Expect(lena.GetByRole(AriaRole.Status)).ToContainTextAsync("is in the toolkit");
            await Expect(lena.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
            await _browser.CheckPageAsync(lena, "support-toolkit");
        });

        // Everyone of the network reads it; a case manager gets no form to change it.
        var carol = await _browser.SignInAsync("mercy", "Carol Reyes");
        await carol.GotoAsync(_browser.Url("/support/toolkit"));
        await Expect(carol.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(carol.GetByRole(AriaRole.Button, new() { Name = "Add to the toolkit" })).ToHaveCountAsync(0);
        await carol.GotoAsync(_browser.Url("/support/network"));
        await Expect(carol.GetByRole(AriaRole.Heading, new() { Name = "Your peer-support network" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_case_manager_asks_for_support_for_herself_and_withdraws_the_request()
    {
        var carol = await _browser.SignInAsync("mercy", "Carol Reyes");
        await _browser.Scenario(carol, "support-ask", async () =>
        {
            await carol.GotoAsync(_browser.Url("/support"));
            await carol.GetByRole(AriaRole.Link, new() { Name = "Ask for peer support" }).ClickAsync();
            await Expect(carol.GetByRole(AriaRole.Heading, new() { Name = "Ask for peer support" })).ToBeVisibleAsync();
            await carol.GetByRole(AriaRole.Button, new() { Name = "Ask for support" }).ClickAsync();
            await Expect(carol.Locator("#ask-first-name-error")).ToBeVisibleAsync();
            await Expect(carol.Locator("#ask-contact-error")).ToBeVisibleAsync();
            await _browser.CheckPageAsync(carol, "support-ask-errors");

            await carol.GetByLabel("First name to give the supporter").FillAsync("Carol");
            await carol.GetByLabel("How the supporter should reach them").FillAsync("a call after 7pm");
            await carol.GetByLabel("What kind of attack, in a word or two (optional)").FillAsync("vaccine advocacy");
            await carol.GetByLabel("Prefer a supporter from another institution of the network").CheckAsync();
            await carol.GetByRole(AriaRole.Button, new() { Name = "Ask for support" }).ClickAsync();
            await Expect(carol.GetByRole(AriaRole.Status)).ToContainTextAsync("The request is in");
            await _browser.CheckPageAsync(carol, "support-asked");

            // The request on her page once peer support has it, and withdrawn: closed, and nobody's offer any more.
            await Eventually.Returns(async () =>
            {
                await carol.GotoAsync(_browser.Url("/support"));
                return await carol.GetByRole(AriaRole.Button, new() { Name = "Withdraw my request" }).CountAsync();
            }, count => count == 1, "the request on her peer support page");
            await Expect(carol.GetByRole(AriaRole.Heading, new() { Name = "Support you asked for" })).ToBeVisibleAsync();
            await carol.GetByRole(AriaRole.Button, new() { Name = "Withdraw my request" }).ClickAsync();
            await Expect(carol.GetByText("Your request is withdrawn.")).ToBeVisibleAsync();
            await Eventually.Returns(async () =>
            {
                await carol.GotoAsync(_browser.Url("/support"));
                return await carol.GetByRole(AriaRole.Region, new() { Name = "Support you asked for" }).Locator(".status").InnerTextAsync();
            }, status => status == "Closed", "the request closed");
        });
    }
}
