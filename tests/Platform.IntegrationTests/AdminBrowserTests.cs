using System.Net.Http.Json;
using System.Text.Json;
using Haven.Contracts.Cases;
using Microsoft.Playwright;
using RabbitMQ.Client;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// An institution admin in the web application (lakeside's Grace Kim): the ladder, the directory, webhook and AMQP
/// subscriptions changed through the gateway's APIs, each refusal shown beside its field with nothing changed, and each
/// removal asked about first.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class When_an_institution_admin_uses_the_web_app(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private WebAppBrowser _browser = null!;

    public async Task InitializeAsync() => _browser = await WebAppBrowser.LaunchAsync(platform, output);

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task They_change_the_ladder_and_the_directory_subscribe_a_partner_and_replay_a_delivery()
    {
        using var api = platform.App.CreateHttpClient("gateway", "lakeside", "grace", "institution-admin");
        var before = await api.GetFromJsonAsync<JsonElement>("/api/cases/policy");
        var grace = await _browser.SignInAsync("lakeside", "Grace Kim");
        try
        {
            await _browser.Scenario(grace, "admin-ladder", () => LadderAsync(grace, api, before));
        }
        finally
        {
            // Other tests' lakeside cases follow the default ladder.
            (await api.PutAsJsonAsync("/api/cases/policy", before)).EnsureSuccessStatusCode();
        }
        await _browser.Scenario(grace, "admin-directory", () => DirectoryAsync(grace));
        await _browser.Scenario(grace, "admin-webhooks", () => WebhooksAsync(grace));
        await _browser.Scenario(grace, "admin-amqp", () => AmqpAsync(grace, api));
    }

    private async Task LadderAsync(IPage page, HttpClient api, JsonElement before)
    {
        await page.GotoAsync(_browser.Url("/admin"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your institution" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Who is told: roles, separated by commas").First).ToHaveValueAsync("case-manager");
        await _browser.CheckPageAsync(page, "admin");

        // A role name the API refuses and a time nobody can read: both marked beside their fields, and the ladder unchanged.
        await page.Locator("#level-0-roles").FillAsync("Case Manager!");
        await page.Locator("#level-1-high").FillAsync("soon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the ladder" }).ClickAsync();
        await Expect(page.GetByText("The ladder was not changed")).ToBeVisibleAsync();
        await Expect(page.Locator("#level-1-high-error")).ToBeVisibleAsync();
        await page.Locator("#level-1-high").FillAsync("4h");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the ladder" }).ClickAsync();
        await Expect(page.Locator("#level-0-roles-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#level-0-roles")).ToHaveValueAsync("Case Manager!");
        await _browser.CheckPageAsync(page, "admin-ladder-errors");
        Assert.Equal(before.ToString(), (await api.GetFromJsonAsync<JsonElement>("/api/cases/policy")).ToString());

        // The last level gets a day less for low-severity cases and a fourth level is added; the API has both.
        await page.Locator("#level-0-roles").FillAsync("case-manager");
        await page.Locator("#level-2-low").FillAsync("2d 23h");
        await page.Locator("#level-3-roles").FillAsync("security, leadership");
        foreach (var severity in new[] { "critical", "high", "moderate", "low" })
        {
            await page.Locator($"#level-3-{severity}").FillAsync("1d");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the ladder" }).ClickAsync();
        await Expect(page.GetByText("The ladder is saved")).ToBeVisibleAsync();
        await Expect(page.Locator("#level-2-low")).ToHaveValueAsync("2d 23h");
        var saved = await api.GetFromJsonAsync<JsonElement>("/api/cases/policy");
        var levels = saved.GetProperty("levels");
        Assert.Equal(4, levels.GetArrayLength());
        Assert.Equal("2.23:00:00", levels[2].GetProperty("low").GetString());
        Assert.Equal(before.GetProperty("levels")[2].GetProperty("moderate").GetString(), levels[2].GetProperty("moderate").GetString());
        Assert.Equal(["security", "leadership"], levels[3].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // The added level removed again.
        await page.Locator("#level-3-remove").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the ladder" }).ClickAsync();
        await Expect(page.Locator("#level-3-remove")).ToHaveCountAsync(0);
        Assert.Equal(3, (await api.GetFromJsonAsync<JsonElement>("/api/cases/policy")).GetProperty("levels").GetArrayLength());
    }

    private async Task DirectoryAsync(IPage page)
    {
        var email = $"zoe-{Guid.NewGuid():N}@lakeside.example";
        await page.GotoAsync(_browser.Url("/admin#directory"));
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the directory" }).ClickAsync();
        await Expect(page.GetByText("Nobody was added")).ToBeVisibleAsync();
        await Expect(page.Locator("#person-name-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync(email);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Zoe Adeyemi");
        await page.GetByLabel("User id at your institution's sign-in").FillAsync($"zoe-{Guid.NewGuid():N}");
        await page.GetByLabel("Roles, separated by commas", new() { Exact = true }).FillAsync("program-director, wellbeing-lead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the directory" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Zoe Adeyemi is in the directory." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("program-director, wellbeing-lead");
        await _browser.CheckPageAsync(page, "admin-directory");

        // Asked first; kept when the admin thinks again.
        await page.GetByRole(AriaRole.Link, new() { Name = "Remove Zoe Adeyemi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Remove a person from the directory" })).ToBeVisibleAsync();
        await _browser.CheckPageAsync(page, "admin-directory-remove");
        await page.GetByRole(AriaRole.Link, new() { Name = "No, keep them" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Remove Zoe Adeyemi" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove Zoe Adeyemi" }).ClickAsync();
        await Expect(page.GetByText("Zoe Adeyemi is no longer in the directory")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your institution" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your institution" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToHaveCountAsync(0);
    }

    private async Task WebhooksAsync(IPage page)
    {
        await using var partner = new WebhookReceiver(System.Net.HttpStatusCode.OK);
        const string escalated = "haven.cases.case-escalated.v1";
        await page.GotoAsync(_browser.Url("/admin#webhooks"));
        await page.GetByLabel("The partner's https address").FillAsync(partner.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(page.Locator("#webhook-events-error")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Group, new() { Name = "Events to send" }).GetByLabel(escalated, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        var secret = (await page.Locator("#webhook-secret").InnerTextAsync()).Trim();
        Assert.NotEmpty(secret);
        await _browser.CheckPageAsync(page, "admin-webhook-secret");
        // Shown once: the page opened again has the subscription, not its secret.
        await page.GotoAsync(_browser.Url("/admin"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = partner.Url })).ToBeVisibleAsync();
        await Expect(page.GetByText(secret)).ToHaveCountAsync(0);

        var caseId = Guid.NewGuid();
        await platform.Broker.PublishAsync(new CaseEscalated(caseId, "lakeside", 2, 1, ["program-director"], DateTimeOffset.UtcNow));
        var first = await Eventually.Returns(() => Task.FromResult(partner.Received.Where(r => r.Body.Contains(caseId.ToString())).ToList()),
            r => r.Count == 1, "the event at the partner");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Delivery log of {partner.Url}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Webhook deliveries" })).ToBeVisibleAsync();
        // The partner's answer is written to the log a moment after the partner has the event.
        await Eventually.Returns(async () =>
        {
            await page.ReloadAsync();
            return await page.GetByRole(AriaRole.Row).Filter(new() { HasText = escalated }).Filter(new() { HasText = "Delivered" }).CountAsync();
        }, count => count == 1, "the delivery logged as delivered");
        await _browser.CheckPageAsync(page, "admin-webhook-deliveries");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Send again the {escalated} event" }).First.ClickAsync();
        await Expect(page.GetByText("The event is queued to be sent again")).ToBeVisibleAsync();
        var replayed = await Eventually.Returns(() => Task.FromResult(partner.Received.Where(r => r.Body.Contains(caseId.ToString())).ToList()),
            r => r.Count == 2, "the replayed event at the partner");
        Assert.Equal(first[0].Body, replayed[1].Body);

        // Stopped: nothing more reaches the partner, whose receiver goes away with this test.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your institution" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Stop sending to {partner.Url}" }).ClickAsync();
        await Expect(page.GetByText("Nothing more is sent to that subscription")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = $"Subscription {partner.Url}" })).ToContainTextAsync("Disabled");
    }

    private async Task AmqpAsync(IPage page, HttpClient api)
    {
        const string escalated = "haven.cases.case-escalated.v1";
        var create = page.GetByRole(AriaRole.Button, new() { Name = "Create the queue and its credentials" });
        await page.GotoAsync(_browser.Url("/admin#amqp"));
        var before = (await api.GetFromJsonAsync<JsonElement>("/api/notifications/amqp-subscriptions")).GetArrayLength();
        await create.ClickAsync();
        await Expect(page.Locator("#amqp-events-error")).ToBeVisibleAsync();
        Assert.Equal(before, (await api.GetFromJsonAsync<JsonElement>("/api/notifications/amqp-subscriptions")).GetArrayLength());

        await page.GetByRole(AriaRole.Group, new() { Name = "Events the queue receives" }).GetByLabel(escalated, new() { Exact = true }).CheckAsync();
        await create.ClickAsync();
        var uri = (await page.Locator("#amqp-uri").InnerTextAsync()).Trim();
        var userName = (await page.Locator("#amqp-user").InnerTextAsync()).Trim();
        var password = (await page.Locator("#amqp-password").InnerTextAsync()).Trim();
        await _browser.CheckPageAsync(page, "admin-amqp-credentials");
        // The credentials shown are the partner's way in: the broker takes them.
        var partner = new ConnectionFactory { Uri = new Uri(uri), AutomaticRecoveryEnabled = false };
        Assert.Equal((userName, password), (partner.UserName, partner.Password));
        await using (var connection = await partner.CreateConnectionAsync())
        {
            Assert.True(connection.IsOpen);
        }

        // Shown once: the page opened again lists the queue, not its password. (Opened without a fragment: a URL that differs
        // from the current one only by its fragment scrolls the same page rather than loading it again.)
        await page.GotoAsync(_browser.Url("/admin"));
        var queue = page.GetByRole(AriaRole.Region, new() { Name = $"Queue {userName}" });
        await Expect(queue).ToContainTextAsync(escalated);
        await Expect(queue).ToContainTextAsync("Active");
        await Expect(page.GetByText(password)).ToHaveCountAsync(0);
        await _browser.CheckPageAsync(page, "admin-amqp");

        // Asked first; kept when the admin thinks again, revoked when they confirm.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Revoke {userName}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revoke a partner's queue" })).ToBeVisibleAsync();
        await _browser.CheckPageAsync(page, "admin-amqp-revoke");
        await page.GetByRole(AriaRole.Link, new() { Name = "No, keep it" }).ClickAsync();
        await Expect(queue).ToContainTextAsync("Active");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Revoke {userName}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke this queue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The queue is revoked" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your institution" }).ClickAsync();
        await Expect(queue).ToContainTextAsync("Revoked");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Revoke {userName}" })).ToHaveCountAsync(0);
        await Assert.ThrowsAsync<RabbitMQ.Client.Exceptions.BrokerUnreachableException>(() => partner.CreateConnectionAsync());
    }
}
