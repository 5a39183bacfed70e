using Microsoft.Playwright;

namespace Haven.Platform.IntegrationTests;

// The machine's own Chromium driven by Playwright. Playwright's browser builds cannot be downloaded here,
// but its driver (a node binary inside the Microsoft.Playwright package) runs offline, so only the
// browser executable comes from the OS (apt package chromium).
public sealed class HeadlessChromium : IAsyncDisposable
{
    // Overridable for machines where Chromium lives elsewhere.
    private static string Executable => Environment.GetEnvironmentVariable("HAVEN_CHROMIUM") ?? "/usr/bin/chromium";

    // No sandbox: tests run as root. The rest keeps Chromium from calling home or starting services
    // that cannot work offline and only slow the start.
    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Executable, Headless = true, Args = Args });
            return new(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    // A fresh context per page: no cookies shared between tests (the dashboard login is a cookie).
    public async Task<IPage> NewPageAsync(int width = 1600, int height = 900)
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
