using Haven.PeerSupport.Matching;
using Haven.PeerSupport.Model;

namespace Haven.PeerSupport.Tests;

public sealed class When_matching_a_request_with_a_supporter
{
    private const string Network = "lakeshore-coalition";
    private static readonly string Requester = Digest.Of("mercy", "rae@mercy.test");

    [Fact]
    public void Shared_experience_ranks_before_language_and_institution()
    {
        var experienced = Supporter("lakeside", "Surgery", experience: ["vaccine-advocacy"]);
        var speaksSpanish = Supporter("lakeside", "Surgery", languages: ["es"]);

        var match = SupporterMatcher.Choose(Request(experience: ["vaccine-advocacy"], languages: ["es"]),
            [new Candidate(speaksSpanish, 0), new Candidate(experienced, 0)]);

        Assert.Equal(experienced.Id, match?.SupporterId);
        Assert.Contains("Has been through the same: vaccine-advocacy", match!.Reasons);
        Assert.Contains("From another institution", match.Reasons);
    }

    [Fact]
    public void The_same_department_of_the_same_institution_is_never_chosen()
    {
        var colleague = Supporter("mercy", "emergency", experience: ["doxxing"]);

        Assert.Null(SupporterMatcher.Choose(Request(experience: ["doxxing"]), [new Candidate(colleague, 0)]));
    }

    [Fact]
    public void Another_department_of_the_same_institution_is_allowed_unless_another_institution_is_preferred()
    {
        var pediatrics = Supporter("mercy", "Pediatrics");

        Assert.Equal(pediatrics.Id, SupporterMatcher.Choose(Request(), [new Candidate(pediatrics, 0)])?.SupporterId);
        Assert.Null(SupporterMatcher.Choose(Request(preferAnotherInstitution: true), [new Candidate(pediatrics, 0)]));
    }

    [Fact]
    public void An_unknown_department_keeps_the_match_out_of_the_requesters_institution()
    {
        var pediatrics = Supporter("mercy", "Pediatrics");

        Assert.Null(SupporterMatcher.Choose(Request(department: null), [new Candidate(pediatrics, 0)]));
    }

    [Fact]
    public void A_supporter_at_capacity_paused_gone_or_in_another_network_is_never_chosen()
    {
        var full = Supporter("lakeside", "Surgery", capacity: 2);
        var paused = Supporter("lakeside", "Surgery");
        paused.Paused = true;
        var left = Supporter("lakeside", "Surgery");
        left.LeftAt = DateTimeOffset.UtcNow;
        var elsewhere = Supporter("northfield", "Surgery");
        elsewhere.NetworkId = "prairie-network";

        Assert.Null(SupporterMatcher.Choose(Request(),
            [new Candidate(full, 2), new Candidate(paused, 0), new Candidate(left, 0), new Candidate(elsewhere, 0)]));
    }

    [Fact]
    public void Conflicts_either_way_and_the_requester_themselves_are_excluded()
    {
        var named = Supporter("lakeside", "Surgery");
        var naming = Supporter("lakeside", "Surgery");
        naming.ConflictDigests = [Requester];
        var self = Supporter("lakeside", "Surgery");
        self.Digest = Requester;

        Assert.Null(SupporterMatcher.Choose(Request(conflicts: [named.Digest]),
            [new Candidate(named, 0), new Candidate(naming, 0), new Candidate(self, 0)]));
    }

    [Fact]
    public void Supporters_offered_before_are_not_offered_again_and_room_breaks_ties()
    {
        var offeredBefore = Supporter("lakeside", "Surgery", capacity: 5);
        var busy = Supporter("lakeside", "Surgery", capacity: 3);
        var roomy = Supporter("lakeside", "Surgery", capacity: 3);

        var match = SupporterMatcher.Choose(Request(alreadyOffered: [offeredBefore.Id]),
            [new Candidate(offeredBefore, 0), new Candidate(busy, 2), new Candidate(roomy, 1)]);

        Assert.Equal(roomy.Id, match?.SupporterId);
        Assert.Contains("Has room: supporting 1 of 3", match!.Reasons);
    }

    private static MatchCriteria Request(string? department = "Emergency", string[]? languages = null, string[]? experience = null,
        bool preferAnotherInstitution = false, string[]? conflicts = null, Guid[]? alreadyOffered = null) =>
        new(Network, "mercy", department, languages ?? [], experience ?? [], preferAnotherInstitution, Requester, conflicts ?? [],
            alreadyOffered ?? []);

    private static Supporter Supporter(string institution, string department, string[]? experience = null, string[]? languages = null,
        int capacity = 2)
    {
        var user = $"{Guid.NewGuid():N}@{institution}.test";
        return new Supporter
        {
            Id = Guid.NewGuid(),
            UserId = user,
            InstitutionId = institution,
            NetworkId = Network,
            Digest = Digest.Of(institution, user),
            FirstName = "Alex",
            PreferredContact = "signal",
            Role = "attending",
            Department = department,
            Experience = [.. experience ?? []],
            Languages = [.. languages ?? ["en"]],
            Capacity = capacity,
            RegisteredAt = DateTimeOffset.UtcNow,
        };
    }
}
