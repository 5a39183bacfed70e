using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// Signing in as a person would, in Chromium through the gateway: the WebApp sends a case manager to their institution's
/// development provider (authorization code + PKCE), whose page lists the demo people; they come back signed in, and the
/// WebApp calls the APIs with their access token.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class When_a_case_manager_signs_in(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private WebAppBrowser _browser = null!;

    public async Task InitializeAsync() => _browser = await WebAppBrowser.LaunchAsync(platform, output);

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task Through_the_providers_page_they_land_on_the_page_they_asked_for_signed_in_and_can_sign_out()
    {
        var page = await _browser.NewPageAsync();
        await _browser.Scenario(page, "sign-in", async () =>
        {
            await page.GotoAsync(_browser.Url("/cases"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with mercy's account" }).ClickAsync();

            // The provider's own page, at the gateway's address, under mercy's issuer.
            await Expect(page).ToHaveURLAsync(new Regex(@"/identity/mercy/connect/authorize\?"));
            await Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("Development only");
            var carol = page.GetByRole(AriaRole.Button, new() { Name = "Carol Reyes" });
            await Expect(carol).ToContainTextAsync("case-manager");
            await _browser.CheckPageAsync(page, "identity-sign-in");
            await carol.ClickAsync();

            // Back in the WebApp, on the page first asked for; the queue loaded through the gateway with Carol's token.
            await Expect(page).ToHaveURLAsync(new Regex(@"/cases$"));
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out Carol Reyes" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("most severe first");

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Staff sign-in" })).ToBeVisibleAsync();
            await page.GotoAsync(_browser.Url("/cases"));
            await Expect(page).ToHaveURLAsync(new Regex(@"/sign-in\?"));
        });
    }

    [Fact]
    public async Task After_the_web_app_restarts_they_are_still_signed_in_and_a_form_opened_before_still_posts()
    {
        var page = await _browser.SignInAsync("mercy", "Carol Reyes");
        await _browser.Scenario(page, "restart", async () =>
        {
            await page.GotoAsync(_browser.Url("/support/ask"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ask for peer support" })).ToBeVisibleAsync();

            // Its cookie and the form's antiforgery token were sealed with keys the new process must read again: the run's
            // own, in its data folder (not the user profile's key ring, which a container lacks).
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(platform.DataDirectory, "webapp-keys"), "key-*.xml"));
            await platform.App.StopResourceAsync("webapp");
            await platform.App.StartResourceAsync("webapp");

            await Eventually.Returns(async () =>
            {
                var response = await page.Context.APIRequest.GetAsync(_browser.Url("/"));
                return response.Status;
            }, status => status == 200, "the web app through the gateway again");
            // Sent empty: the API's field errors, so the post was accepted (no antiforgery failure) and made as Carol.
            await page.GetByRole(AriaRole.Button, new() { Name = "Ask for support" }).ClickAsync();
            await Expect(page.Locator("#ask-first-name-error")).ToBeVisibleAsync();
            await page.GotoAsync(_browser.Url("/cases"));
            await Expect(page).ToHaveURLAsync(new Regex(@"/cases$"));
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out Carol Reyes" })).ToBeVisibleAsync();
        });
    }
}
