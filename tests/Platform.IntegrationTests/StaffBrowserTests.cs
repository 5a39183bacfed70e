using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Haven.Platform.IntegrationTests.IntakeReports;
using static Microsoft.Playwright.Assertions;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// Staff in the web application, signed in through the development identity provider as its demo people: a case manager
/// works a reporter's case, the reporter reads the answer, a supporter accepts an offer, and another institution's case
/// manager sees none of it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class When_staff_use_the_web_app(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private WebAppBrowser _browser = null!;

    public async Task InitializeAsync() => _browser = await WebAppBrowser.LaunchAsync(platform, output);

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task A_reporters_case_reaches_a_case_manager_who_reveals_acknowledges_and_writes_and_the_reporter_reads_and_replies()
    {
        var words = $"Stop taking your insulin, it is poison ({Guid.NewGuid():N}).";
        var reporter = await _browser.NewPageAsync();
        var (key, secret) = await FileAndKeepTheKeyAsync(reporter, words);

        // The case's id, as the reporter's key opens it (the case manager finds the case by it below).
        var caseId = (await FollowUpOf(platform, new Accepted(Guid.Empty, Guid.Empty, false, key, secret))).CaseId;
        var shortId = Haven.Contracts.Cases.CaseRef.Of(caseId);

        var carol = await _browser.SignInAsync("mercy", "Carol Reyes");
        await _browser.Scenario(carol, "case-manager", async () =>
        {
            // The queue, filtered as the case is (track B, moderate, waiting for acknowledgement): there once its saga opened it.
            await Eventually.Returns(async () =>
            {
                await carol.GotoAsync(_browser.Url("/cases?status=AwaitingAcknowledgement&severity=Moderate&track=ConcerningConduct"));
                return await carol.GetByRole(AriaRole.Link, new() { Name = $"Case {shortId}" }).CountAsync();
            }, count => count == 1, "the case in the queue");
            await _browser.CheckPageAsync(carol, "cases");

            await carol.GetByRole(AriaRole.Link, new() { Name = $"Case {shortId}" }).ClickAsync();
            await Expect(carol.GetByRole(AriaRole.Heading, new() { Name = $"Case {shortId}" })).ToBeVisibleAsync();
            // The words reported stay hidden until the case manager chooses to read them.
            await Expect(carol.GetByText(words)).ToHaveCountAsync(0);
            await Expect(carol.GetByText("Content warning.")).ToBeVisibleAsync();
            await _browser.CheckPageAsync(carol, "case");

            await carol.GetByRole(AriaRole.Button, new() { Name = "Show the report and evidence" }).ClickAsync();
            await Expect(carol.GetByText(words)).ToBeVisibleAsync();
            await _browser.CheckPageAsync(carol, "case-evidence");

            await carol.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
            await Expect(carol.GetByRole(AriaRole.Status).Filter(new() { HasText = "You acknowledged the case" })).ToBeVisibleAsync();
            await carol.GetByLabel("A message to the reporter").FillAsync("Thank you for telling us. We are looking into it this week.");
            await carol.GetByRole(AriaRole.Button, new() { Name = "Send to the reporter" }).ClickAsync();
            await Expect(carol.GetByText("Your message is on its way to the reporter.")).ToBeVisibleAsync();
        });

        // The reveal is in the audit log, with who read the evidence.
        using var auditor = platform.App.CreateHttpClient("gateway", "mercy", "auditor-webapp", "auditor");
        await Eventually.Returns(() => auditor.GetFromJsonAsync<List<JsonElement>>($"/api/audit/entries?caseId={caseId}"),
            entries => entries!.Any(e => e.GetProperty("actor").GetString() == "carol" && e.GetProperty("payload").GetString()!.Contains("\"evidence\"")),
            "the evidence read by carol in the audit log");

        // The reporter's follow-up shows the case manager's message once intake has it (waited for through the API: each
        // look in the browser would spend the follow-up route's small per-address budget), and takes a reply; an empty
        // one is refused and kept nowhere.
        var accepted = new Accepted(Guid.Empty, caseId, false, key, secret);
        await Eventually.Returns(() => FollowUpOf(platform, accepted), f => f.Messages.GetArrayLength() == 1 && f.Status == "Acknowledged",
            "the message and the acknowledgement in intake");
        await _browser.Scenario(reporter, "reporter-follow-up", async () =>
        {
            await reporter.GotoAsync(_browser.Url("/follow-up"));
            await reporter.GetByLabel("Case key").FillAsync(key);
            await reporter.GetByLabel("Secret").FillAsync(secret);
            await reporter.GetByRole(AriaRole.Button, new() { Name = "Open my report" }).ClickAsync();
            await Expect(reporter.GetByRole(AriaRole.Heading, new() { Name = "Your report", Exact = true })).ToBeVisibleAsync();
            await Expect(reporter.GetByText("We are looking into it this week.")).ToBeVisibleAsync();
            await Expect(reporter.Locator("#report-status")).ToHaveTextAsync("A case manager has taken it");

            var reply = reporter.GetByLabel("Your reply to the case manager");
            await reporter.GetByRole(AriaRole.Button, new() { Name = "Send my reply" }).ClickAsync();
            await Expect(reporter.Locator("#reply-text-error")).ToBeVisibleAsync();
            await reply.FillAsync("He posted again last night, to more people.");
            await reporter.GetByRole(AriaRole.Button, new() { Name = "Send my reply" }).ClickAsync();
            await Expect(reporter.GetByRole(AriaRole.Status)).ToContainTextAsync("Your reply is sent");
            await Expect(reporter.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "You wrote" })).ToContainTextAsync("He posted again last night");
            await _browser.CheckPageAsync(reporter, "follow-up-conversation");
        });

        // The case manager reads both sides of the conversation in the case's timeline; the reporter's words only once
        // revealed, as the report's are.
        await _browser.Scenario(carol, "case-conversation", async () =>
        {
            await Eventually.Returns(async () =>
            {
                await carol.GotoAsync(_browser.Url($"/cases/{caseId}"));
                return await carol.Locator("#timeline").GetByText("The reporter replied").CountAsync();
            }, count => count == 1, "the reply in the case's timeline");
            await Expect(carol.GetByText("He posted again last night")).ToHaveCountAsync(0);
            await carol.GetByRole(AriaRole.Button, new() { Name = "Show the report and evidence" }).ClickAsync();
            await Expect(carol.Locator("#timeline").GetByText("The reporter replied: He posted again last night")).ToBeVisibleAsync();
            await Expect(carol.Locator("#timeline")).ToContainTextAsync("Message to the reporter: Thank you for telling us.");
            await _browser.CheckPageAsync(carol, "case-conversation");
        });

        // Another institution's case manager: not in the queue, and the case's own address is not found.
        var omar = await _browser.SignInAsync("lakeside", "Omar Haddad");
        await _browser.Scenario(omar, "other-institution", async () =>
        {
            await omar.GotoAsync(_browser.Url("/cases"));
            await Expect(omar.GetByRole(AriaRole.Heading, new() { Name = "Cases", Exact = true })).ToBeVisibleAsync();
            await Expect(omar.GetByRole(AriaRole.Link, new() { Name = $"Case {shortId}" })).ToHaveCountAsync(0);
            await omar.GotoAsync(_browser.Url($"/cases/{caseId}"));
            await Expect(omar.GetByRole(AriaRole.Heading, new() { Name = "Case not found" })).ToBeVisibleAsync();
            await Expect(omar.GetByText(words)).ToHaveCountAsync(0);
            await _browser.CheckPageAsync(omar, "other-institution-case");
        });
    }

    /// <summary>
    /// An anonymous track B report through the form, with the words seen, and the case key kept (see the reporter's own
    /// browser test for every page of it checked).
    /// </summary>
    private async Task<(string Key, string Secret)> FileAndKeepTheKeyAsync(IPage page, string words)
    {
        var kept = ("", "");
        await _browser.Scenario(page, "reporter-files", async () =>
        {
            await page.GotoAsync(_browser.Url("/"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Report concerning posts" }).ClickAsync();
            await page.GetByLabel("Institution", new() { Exact = true }).SelectOptionAsync("mercy");
            await page.GetByLabel("Health misinformation").CheckAsync();
            await page.GetByLabel("Their work", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Where was it posted?").FillAsync("Instagram");
            await page.GetByLabel("The words as posted").FillAsync(words);
            await page.GetByLabel("The account that posted them").FillAsync("@dr.roe");
            await page.GetByLabel("The day you saw them").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Tell us what happened").FillAsync("Posts telling patients to stop their medication.");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Dr. John Roe");
            await page.GetByLabel("Work email").FillAsync($"roe-{Guid.NewGuid():N}@mercy.example");
            await page.GetByLabel("Nobody: report anonymously").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your report is in. Keep your case key." })).ToBeVisibleAsync(new() { Timeout = 60_000 });
            var key = (await page.Locator("#case-key").InnerTextAsync()).Trim();
            var secret = (await page.Locator("#case-secret").InnerTextAsync()).Trim();
            await page.GetByLabel("type the last 4 characters").FillAsync(secret[^4..]);
            await page.GetByRole(AriaRole.Button, new() { Name = "I have kept them" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you. Your report is in." })).ToBeVisibleAsync();
            kept = (key, secret);
        });
        return kept;
    }

    [Fact]
    public async Task A_supporter_accepts_an_offer_and_sees_the_hand_off()
    {
        // Sam of mercy volunteers with an experience no other test's supporters have, so the request is offered to Sam.
        var tag = "webapp-" + Guid.NewGuid().ToString("N")[..8];
        using var sam = platform.App.CreateHttpClient("gateway", "mercy", "sam", "peer-supporter");
        using var registered = await sam.PutAsJsonAsync("/api/peer-support/supporters/me", new
        {
            firstName = "Sam", preferredContact = "sam@mercy.example", role = "attending", department = "cardiology",
            languages = new[] { "en" }, experience = new[] { tag }, capacity = 3, amplifies = false,
        });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        using var requester = platform.App.CreateHttpClient("gateway", "lakeside", $"nurse-{tag}", "reporter");
        using var requested = await requester.PostAsJsonAsync("/api/peer-support/requests", new
        {
            firstName = "Rosa", preferredContact = "a text after 6pm", department = "emergency", languages = new[] { "en" },
            experience = new[] { tag }, preferAnotherInstitution = true, urgent = false,
        });
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);

        var page = await _browser.SignInAsync("mercy", "Sam Lindqvist");
        await _browser.Scenario(page, "supporter", async () =>
        {
            var offer = page.GetByRole(AriaRole.Heading, new() { Name = "A colleague needs support: will you support them?" });
            await Eventually.Returns(async () =>
            {
                await page.GotoAsync(_browser.Url("/support"));
                return await offer.CountAsync();
            }, count => count > 0, "the offer on the supporter's page");
            await _browser.CheckPageAsync(page, "support-offer");

            await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).First.ClickAsync();
            await Expect(page.GetByText("You accepted.")).ToBeVisibleAsync();
            await Eventually.Returns(async () =>
            {
                await page.GotoAsync(_browser.Url("/support"));
                return await page.GetByText("Rosa, a text after 6pm").CountAsync();
            }, count => count == 1, "the hand-off once accepted");
            await _browser.CheckPageAsync(page, "support-accepted");
        });
    }
}
