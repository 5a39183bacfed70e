using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Haven.Platform.IntegrationTests;

/// <summary>A reporter without an account in the web application (see <see cref="WebAppBrowser"/> for screenshots and axe-core).</summary>
[Collection(PlatformCollection.Name)]
public sealed class When_a_reporter_uses_the_web_app(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private WebAppBrowser _browser = null!;

    public async Task InitializeAsync() => _browser = await WebAppBrowser.LaunchAsync(platform, output);

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task An_anonymous_reporter_files_a_track_B_report_keeps_the_key_and_follows_up_with_a_receipt_checked_in_the_browser()
    {
        var page = await _browser.NewPageAsync();
        await _browser.Scenario(page, "reporter", () => ReporterScenarioAsync(page));
    }

    private async Task ReporterScenarioAsync(IPage page)
    {
        await page.GotoAsync(_browser.Url("/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Haven", Exact = true })).ToBeVisibleAsync();
        await _browser.CheckPageAsync(page, "home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Report concerning posts" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Report concerning posts by a clinician or trainee" })).ToBeVisibleAsync();
        // Sent empty: the API's field errors, shown beside their fields, and nothing filed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Expect(page.GetByText("The report was not sent")).ToBeVisibleAsync();
        await Expect(page.Locator("#institution-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#categories-error")).ToBeVisibleAsync();
        await _browser.CheckPageAsync(page, "report-errors");

        await page.GetByLabel("Institution", new() { Exact = true }).SelectOptionAsync("mercy");
        await page.GetByLabel("Health misinformation").CheckAsync();
        await page.GetByLabel("Their work", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Where was it posted?").FillAsync("Instagram");
        await page.GetByLabel("Links to the posts, one per line").FillAsync($"https://instagram.com/p/{Guid.NewGuid():N}");
        await page.GetByLabel("Tell us what happened").FillAsync("Posts telling patients to stop their medication.");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Dr. John Roe");
        await page.GetByLabel("Work email").FillAsync("john.roe@mercy.example");
        await page.GetByLabel("Nobody: report anonymously").CheckAsync();
        await _browser.CheckPageAsync(page, "report-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();

        // The report's first write on a loaded machine can take a while.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your report is in. Keep your case key." })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var key = (await page.Locator("#case-key").InnerTextAsync()).Trim();
        var secret = (await page.Locator("#case-secret").InnerTextAsync()).Trim();
        Assert.StartsWith("HK-", key);
        await _browser.CheckPageAsync(page, "case-key");

        // A wrong ending keeps the key on screen with a calm error; the right one moves on, and the key is gone from the page.
        var last4 = secret[^4..];
        await page.GetByLabel("type the last 4 characters").FillAsync(last4 == "0000" ? "1111" : "0000");
        await page.GetByRole(AriaRole.Button, new() { Name = "I have kept them" }).ClickAsync();
        await Expect(page.Locator("#last4-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#case-secret")).ToHaveTextAsync(secret);
        await page.GetByLabel("type the last 4 characters").FillAsync(last4);
        await page.GetByRole(AriaRole.Button, new() { Name = "I have kept them" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you. Your report is in." })).ToBeVisibleAsync();
        await Expect(page.GetByText(secret)).ToHaveCountAsync(0);
        await _browser.CheckPageAsync(page, "key-kept");

        // The follow-up page, where the case-key notices link.
        await page.GetByRole(AriaRole.Link, new() { Name = "your follow-up page" }).ClickAsync();
        await page.GetByLabel("Case key").FillAsync(key);
        await page.GetByLabel("Secret").FillAsync(secret);
        await _browser.CheckPageAsync(page, "follow-up-open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my report" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your report", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#report-status")).ToHaveTextAsync(new Regex("Waiting for the case manager|Received"));
        await _browser.CheckPageAsync(page, "follow-up");

        // The receipt, checked by the browser itself against the signed checkpoint (signed every 2 s in the tests).
        await page.GetByRole(AriaRole.Link, new() { Name = "Check my receipt" }).ClickAsync();
        var result = page.Locator("#receipt-result");
        await Eventually.Returns(async () =>
        {
            if (await result.CountAsync() == 0)
            {
                // Not yet covered: look again a little later, as a reporter would (each look is a rate-limited API call).
                await Task.Delay(2_500);
                await page.ReloadAsync();
                return null;
            }
            await Expect(result).Not.ToHaveTextAsync("Checking…");
            return await result.GetAttributeAsync("data-verified");
        }, verified => verified is not null, "a receipt covered by a signed checkpoint");
        await Expect(result).ToHaveAttributeAsync("data-verified", "true");
        await Expect(result).ToContainTextAsync("Checked in your browser");
        await _browser.CheckPageAsync(page, "receipt");
    }
}
