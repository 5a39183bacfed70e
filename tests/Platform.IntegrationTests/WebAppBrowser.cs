using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// The web application through the gateway in Debian's Chromium, for the browser tests: every page a scenario checks is
/// kept as a wide and a phone-sized screenshot under screenshots/webapp of the test output, and scanned with axe-core
/// (bundled in its package, injected into the page: nothing is downloaded).
/// </summary>
public sealed class WebAppBrowser : IAsyncDisposable
{
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", "webapp");

    private readonly PlatformFixture _platform;
    private readonly ITestOutputHelper _output;
    private readonly HeadlessChromium _chromium;

    private WebAppBrowser(PlatformFixture platform, ITestOutputHelper output, HeadlessChromium chromium) =>
        (_platform, _output, _chromium) = (platform, output, chromium);

    public static async Task<WebAppBrowser> LaunchAsync(PlatformFixture platform, ITestOutputHelper output)
    {
        SetDefaultExpectTimeout(20_000);
        Directory.CreateDirectory(Screenshots);
        return new(platform, output, await HeadlessChromium.LaunchAsync());
    }

    public string Url(string path) => new Uri(_platform.App.GetEndpoint("gateway"), path).ToString();

    /// <summary>A page of its own (no cookies shared with another person's).</summary>
    public Task<IPage> NewPageAsync() => _chromium.NewPageAsync(1280, 900);

    /// <summary>Signs in through the development provider's page as one of the institution's demo people.</summary>
    public async Task<IPage> SignInAsync(string institution, string person)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url($"/sign-in?institution={institution}"));
        await page.GetByRole(AriaRole.Button).Filter(new() { HasText = person }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Runs a scenario's steps on a page, keeping a screenshot of the page as it was when a step failed.</summary>
    public async Task Scenario(IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            var path = Path.Combine(Screenshots, $"failed-{name}.png");
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
            _output.WriteLine($"failure screenshot: {path}");
            throw;
        }
    }

    /// <summary>Keeps the page as a wide and a phone-sized screenshot, and fails on any serious or critical axe-core finding.</summary>
    public async Task CheckPageAsync(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        var size = page.ViewportSize!;
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(size.Width, size.Height);
        _output.WriteLine($"screenshot: {path}");

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, $"{name}: {string.Join("; ", serious)}");
    }

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();
}
