using Haven.Hosting.Dashboard;

namespace Haven.Platform.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class When_an_operator_opens_the_dashboard_in_a_browser(PlatformFixture platform)
{
    [Fact]
    public async Task The_resources_page_shows_every_instance_healthy_the_trace_page_draws_the_waterfall_and_the_console_streams()
    {
        var dashboard = platform.App.Options.Dashboard!;
        using var api = await platform.App.CreateDashboardClientAsync();
        var trace = await api.TracedReportAsync(platform);
        var instances = platform.App.ResourceNotifications.Snapshots.Select(s => s.Instance).Order().ToList();
        await using var browser = await Chromium.LaunchAsync();

        // The printed URL: it sets the session cookie and opens the resources page.
        await browser.NavigateAsync(dashboard.LoginUrl);
        var rows = await browser.WaitForAsync<string[]>(
            "Array.from(document.querySelectorAll('tr[data-instance]'), row => `${row.dataset.instance} ${row.querySelector('.state').textContent}`)",
            shown => shown.Length == instances.Count, "a row per instance");

        Assert.Equal(instances.Select(i => $"{i} Healthy"), rows.Order());

        await browser.NavigateAsync(new Uri(dashboard.BrowserUrl, $"/traces/detail/{trace.TraceId}"));
        var spans = await browser.WaitForAsync<string[]>(
            "Array.from(document.querySelectorAll('.waterfall .span'), span => `${span.dataset.service}|${span.querySelector('.label').textContent}`)",
            shown => shown.Length >= trace.Spans.Count, "the trace's spans");
        var title = await browser.WaitForAsync<string>("document.querySelector('main strong')?.textContent ?? ''", t => t.Length > 0, "the trace's name");

        Assert.Equal(trace.Name, title);
        Assert.StartsWith("gateway|", spans[0]);
        Assert.Contains(spans, s => s.StartsWith("escalation|escalation"));
        // Spans may still be arriving (the case goes on after the request), so the page may show more than the API did.
        Assert.Superset(trace.Spans.Select(s => $"{s.Service}|{s.Service}{s.Name}").ToHashSet(), spans.ToHashSet());

        // The console streams the history kept since start.
        await browser.NavigateAsync(new Uri(dashboard.BrowserUrl, "/consolelogs/resource/intake-0"));
        var lines = await browser.WaitForAsync<int>("document.querySelectorAll('#console > div').length", count => count > 0, "console lines");
        Assert.True(lines <= platform.App.ResourceLogs.GetLines("intake-0").Count);
    }
}
