using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Haven.Contracts.PeerSupport;
using Haven.Contracts.Reports;
using Xunit.Abstractions;

namespace Haven.Platform.IntegrationTests;

/// <summary>
/// Peer support on the real stack, in the lakeshore-coalition network (mercy and lakeside). Requesters are at
/// lakeside and the supporters whose offers a test predicts at mercy: the case flow's own track-A tests ask for
/// support for mercy targets, which only lakeside supporters may take, so they never take these supporters' places.
/// Each test tags its request and supporters with an experience of its own, so earlier tests' supporters rank lower.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class When_someone_needs_peer_support(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Via = "gateway";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task A_consenting_track_A_target_is_matched_with_an_accepting_supporter_from_another_department()
    {
        await SetDeadlinesAsync(TimeSpan.FromSeconds(30));
        // The case flow knows nothing of the target's department: only another institution guarantees another one.
        // Capacity 10 gives this supporter the most room in the network, which ranks first when nothing else differs.
        var supporter = await RegisterAsync("mercy", "Cardiology", [], capacity: 10);
        var targetEmail = $"dana-{Guid.NewGuid():N}@lakeside.test";
        var report = new ReportSubmitted(Guid.NewGuid(), Guid.NewGuid(), OpensCase: true, "lakeside", "lakeshore-coalition",
            Track.Harassment, [ReportCategory.PersonalAttack], Severity.Moderate, [Pathway.Institution, Pathway.PeerSupport],
            SubjectDigest: Digest("lakeside", targetEmail), PossibleRetaliation: false, RetaliationReason: null,
            TargetConsentsToInstitution: true, PeerSupportWanted: true, DateTimeOffset.UtcNow);
        var clock = Stopwatch.StartNew();

        await platform.Broker.PublishAsync(report);

        var request = (await platform.Broker.WaitFor<RequestPeerSupport>(r => r.CaseId == report.CaseId))[0];
        var offer = await WaitForOfferAsync(supporter, request.RequestId);
        Assert.Contains("From another institution", offer.WhyThisSupporter);
        await AcceptAsync(supporter, request.RequestId);
        using var target = platform.App.CreateHttpClient(Via, "lakeside", targetEmail, "reporter");
        var matched = await Eventually.Returns(() => GetAsync(target, request.RequestId), v => v?.Status == "Matched",
            "the target sees an accepted match");
        clock.Stop();
        output.WriteLine($"Report published → supporter accepted (seen by the target): {clock.ElapsedMilliseconds} ms");

        Assert.Equal("Case", matched!.Origin);
        Assert.Equal("Requester", matched.YourPart);
        Assert.Equal(supporter.FirstName, matched.HandOff?.FirstName);
        using var touched = await supporter.Client.PostAsync($"/api/peer-support/requests/{request.RequestId}/touch-base", null);
        Assert.Equal(HttpStatusCode.Accepted, touched.StatusCode);
        var supporting = await Eventually.Returns(() => GetAsync(supporter.Client, request.RequestId), v => v?.Status == "Supporting",
            "touching base");
        Assert.NotNull(supporting!.TouchedBaseAt);
    }

    [Fact]
    public async Task Self_referral_works_without_a_case_and_never_matches_within_the_same_department()
    {
        await SetDeadlinesAsync(TimeSpan.FromSeconds(30));
        var tag = Tag();
        var sameDepartment = await RegisterAsync("lakeside", "Emergency", [tag], capacity: 3, languages: ["es"]);
        var otherDepartment = await RegisterAsync("lakeside", "Pediatrics", [tag], capacity: 3, languages: ["es"]);
        using var requester = platform.App.CreateHttpClient(Via, "lakeside", $"sam-{Guid.NewGuid():N}@lakeside.test", "reporter");
        var clock = Stopwatch.StartNew();

        var id = await SelfReferAsync(requester, "Emergency", tag, preferAnotherInstitution: false, languages: ["es"]);

        var offer = await WaitForOfferAsync(otherDepartment, id);
        Assert.Contains("From your institution, another department", offer.WhyThisSupporter);
        Assert.Contains($"Has been through the same: {tag}", offer.WhyThisSupporter);
        Assert.Contains("Speaks es", offer.WhyThisSupporter);
        Assert.Null(offer.HandOff);
        await AcceptAsync(otherDepartment, id);
        var mine = await Eventually.Returns(() => GetAsync(requester, id), v => v?.Status == "Matched", "an accepted match");
        clock.Stop();
        output.WriteLine($"Self-referral → supporter accepted (seen by the requester): {clock.ElapsedMilliseconds} ms");

        Assert.Equal("SelfReferral", mine!.Origin);
        Assert.Equal(otherDepartment.FirstName, mine.HandOff?.FirstName);
        Assert.Equal("Sam", (await GetAsync(otherDepartment.Client, id))!.HandOff?.FirstName);
        Assert.DoesNotContain(await MineAsync(sameDepartment), v => v.Id == id);
    }

    [Fact]
    public async Task An_unanswered_offer_is_rematched_after_its_deadline()
    {
        await SetDeadlinesAsync(TimeSpan.FromSeconds(2));
        var tag = Tag();
        var first = await RegisterAsync("mercy", "Neurology", [tag], capacity: 2);
        var second = await RegisterAsync("mercy", "Oncology", [tag], capacity: 2);
        using var requester = platform.App.CreateHttpClient(Via, "lakeside", $"kim-{Guid.NewGuid():N}@lakeside.test", "reporter");

        var id = await SelfReferAsync(requester, "Surgery", tag, preferAnotherInstitution: true);

        var firstOffer = await Eventually.Returns(async () => (await OfferAsync(first, id), await OfferAsync(second, id)),
            offers => offers.Item1 is not null || offers.Item2 is not null, "the first offer");
        var (offered, other) = firstOffer.Item1 is not null ? (first, second) : (second, first);
        // Nobody answers: after its two seconds the offer moves on, and the first supporter no longer sees the request.
        var rematched = await WaitForOfferAsync(other, id, TimeSpan.FromSeconds(20));
        Assert.Equal(1, rematched.Refusals);
        Assert.Null(await OfferAsync(offered, id));
        Assert.Equal(HttpStatusCode.NotFound, (await offered.Client.PostAsync($"/api/peer-support/requests/{id}/accept", null)).StatusCode);
    }

    [Fact]
    public async Task A_supporter_at_capacity_is_never_offered()
    {
        await SetDeadlinesAsync(TimeSpan.FromSeconds(30));
        var tag = Tag();
        var full = await RegisterAsync("mercy", "Dermatology", [tag], capacity: 1);
        using var firstRequester = platform.App.CreateHttpClient(Via, "lakeside", $"lee-{Guid.NewGuid():N}@lakeside.test", "reporter");
        var firstRequest = await SelfReferAsync(firstRequester, "Radiology", tag, preferAnotherInstitution: true);
        await WaitForOfferAsync(full, firstRequest);
        // The pending offer takes the supporter's one place; a second supporter with the same experience has room.
        var roomy = await RegisterAsync("mercy", "Psychiatry", [tag], capacity: 2);
        using var secondRequester = platform.App.CreateHttpClient(Via, "lakeside", $"ash-{Guid.NewGuid():N}@lakeside.test", "reporter");

        var secondRequest = await SelfReferAsync(secondRequester, "Radiology", tag, preferAnotherInstitution: true);

        await WaitForOfferAsync(roomy, secondRequest);
        Assert.Null(await OfferAsync(full, secondRequest));
        Assert.Equal([firstRequest], (await MineAsync(full)).Select(v => v.Id));
    }

    [Fact]
    public async Task A_request_nobody_could_take_is_offered_to_the_next_supporter_who_joins_the_network()
    {
        // Northfield is alone in its network and has no supporter yet.
        using var requester = platform.App.CreateHttpClient(Via, "northfield", $"ola-{Guid.NewGuid():N}@northfield.test", "reporter");
        var tag = Tag();
        var id = await SelfReferAsync(requester, "Cardiology", tag, preferAnotherInstitution: false);
        await Eventually.Returns(() => GetAsync(requester, id), v => v?.Status == "Unmatched", "the request unmatched");

        var joined = await RegisterAsync("northfield", "Nephrology", [tag], capacity: 1);

        var offer = await WaitForOfferAsync(joined, id);
        Assert.Contains($"Has been through the same: {tag}", offer.WhyThisSupporter);
    }

    [Fact]
    public async Task A_case_manager_cannot_read_support_notes()
    {
        await SetDeadlinesAsync(TimeSpan.FromSeconds(30));
        var tag = Tag();
        var supporter = await RegisterAsync("mercy", "Nephrology", [tag], capacity: 2);
        using var requester = platform.App.CreateHttpClient(Via, "lakeside", $"pat-{Guid.NewGuid():N}@lakeside.test", "reporter");
        var id = await SelfReferAsync(requester, "Urology", tag, preferAnotherInstitution: true);
        await WaitForOfferAsync(supporter, id);
        await AcceptAsync(supporter, id);
        await Eventually.Returns(() => GetAsync(supporter.Client, id), v => v?.Status == "Matched", "the accepted support");
        using var written = await supporter.Client.PostAsJsonAsync($"/api/peer-support/requests/{id}/notes",
            new { text = "Talked for an hour; follow up about the board complaint.", checkIn = false });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);

        foreach (var institution in new[] { "lakeside", "mercy" })
        {
            using var caseManager = platform.App.CreateHttpClient(Via, institution, $"cm-{institution}", "case-manager");
            Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync($"/api/peer-support/requests/{id}/notes")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await caseManager.GetAsync($"/api/peer-support/requests/{id}")).StatusCode);
        }
        using var lead = platform.App.CreateHttpClient(Via, "lakeside", "lead-lakeside", "network-lead");
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/peer-support/requests/{id}/notes")).StatusCode);
        Assert.Null((await GetAsync(lead, id))!.HandOff);
        var notes = await supporter.Client.GetFromJsonAsync<List<NoteView>>($"/api/peer-support/requests/{id}/notes", Json);
        Assert.Single(notes!);
    }

    private async Task SetDeadlinesAsync(TimeSpan offerDeadline)
    {
        using var lead = platform.App.CreateHttpClient(Via, "mercy", "lead-mercy", "network-lead");
        using var response = await lead.PutAsJsonAsync("/api/peer-support/network/settings", new
        {
            offerDeadline,
            urgentOfferDeadline = offerDeadline,
            refusalsBeforeLeadIsTold = 3,
            firstCheckIn = TimeSpan.FromMinutes(5),
            secondCheckIn = TimeSpan.FromMinutes(10),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<Supporter> RegisterAsync(string institution, string department, string[] experience, int capacity,
        string[]? languages = null)
    {
        var firstName = "Sup" + Guid.NewGuid().ToString("N")[..6];
        var client = platform.App.CreateHttpClient(Via, institution, $"{firstName.ToLowerInvariant()}@{institution}.test", "peer-supporter");
        using var response = await client.PutAsJsonAsync("/api/peer-support/supporters/me", new
        {
            firstName,
            preferredContact = "signal",
            role = "attending",
            specialty = department,
            department,
            languages = languages ?? ["en"],
            region = "midwest",
            experience,
            capacity,
            amplifies = true,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Supporter(client, firstName);
    }

    private static async Task<Guid> SelfReferAsync(HttpClient requester, string department, string tag, bool preferAnotherInstitution,
        string[]? languages = null)
    {
        using var response = await requester.PostAsJsonAsync("/api/peer-support/requests", new
        {
            firstName = "Sam",
            preferredContact = "phone after 6pm",
            department,
            languages = languages ?? ["en"],
            experience = new[] { tag },
            preferAnotherInstitution,
            urgent = false,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Created>(Json))!.Id;
    }

    private static async Task AcceptAsync(Supporter supporter, Guid id)
    {
        using var response = await supporter.Client.PostAsync($"/api/peer-support/requests/{id}/accept", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static Task<SupportView> WaitForOfferAsync(Supporter supporter, Guid id, TimeSpan? timeout = null) =>
        Eventually.Returns(() => OfferAsync(supporter, id), offer => offer is not null, $"an offer of {id}", timeout)!;

    private static async Task<SupportView?> OfferAsync(Supporter supporter, Guid id) =>
        (await MineAsync(supporter)).SingleOrDefault(v => v.Id == id && v.Status == "Offered");

    private static async Task<List<SupportView>> MineAsync(Supporter supporter) =>
        (await supporter.Client.GetFromJsonAsync<List<SupportView>>("/api/peer-support/requests/mine", Json))!
            .Where(v => v.YourPart == "Supporter").ToList();

    private static async Task<SupportView?> GetAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/peer-support/requests/{id}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<SupportView>(Json) : null;
    }

    private static string Tag() => "attack-" + Guid.NewGuid().ToString("N")[..8];

    private static string Digest(string institution, string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{institution}:{email.ToLowerInvariant()}")));

    private sealed record Supporter(HttpClient Client, string FirstName);
    private sealed record Created(Guid Id);
    private sealed record HandOffView(string? FirstName, string? PreferredContact);
    private sealed record NoteView(Guid Id, string Text, bool CheckIn);
    private sealed record SupportView(Guid Id, string Status, string Origin, string YourPart, IReadOnlyList<string> WhyThisSupporter,
        int Refusals, DateTimeOffset? TouchedBaseAt, HandOffView? HandOff);
}
