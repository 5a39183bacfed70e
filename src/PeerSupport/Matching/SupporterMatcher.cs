namespace Haven.PeerSupport.Matching;

/// <summary>
/// The matching rules of the domain: hard rules exclude (network, availability, capacity, department, institution
/// preference, conflicts, earlier offers), soft ones rank (shared experience, then language, then another
/// institution, then spare capacity). Deterministic, so a choice can always be explained and reproduced.
/// </summary>
public static class SupporterMatcher
{
    private const int SharedExperienceWeight = 10;
    private const int SharedLanguageWeight = 5;
    private const int AnotherInstitutionWeight = 2;

    public static Match? Choose(MatchCriteria request, IEnumerable<Candidate> candidates) =>
        candidates
            .Where(candidate => IsEligible(request, candidate))
            .Select(candidate => (candidate, score: Score(request, candidate)))
            .OrderByDescending(x => x.score)
            .ThenByDescending(x => x.candidate.Supporter.Capacity - x.candidate.Load)
            .ThenBy(x => x.candidate.Load)
            .ThenBy(x => x.candidate.Supporter.RegisteredAt)
            .ThenBy(x => x.candidate.Supporter.Id)
            .Select(x => new Match(x.candidate.Supporter.Id, Reasons(request, x.candidate)))
            .FirstOrDefault();

    public static bool IsEligible(MatchCriteria request, Candidate candidate)
    {
        var supporter = candidate.Supporter;
        if (supporter.NetworkId != request.NetworkId || !supporter.IsAvailable || candidate.Load >= supporter.Capacity
            || request.AlreadyOffered.Contains(supporter.Id))
        {
            return false;
        }
        if (supporter.Digest == request.RequesterDigest || request.ConflictDigests.Contains(supporter.Digest)
            || supporter.ConflictDigests.Contains(request.RequesterDigest))
        {
            return false;
        }
        var sameInstitution = supporter.InstitutionId == request.InstitutionId;
        // With the requester's department unknown, only another institution guarantees another department.
        if (sameInstitution && (request.PreferAnotherInstitution || request.Department is null))
        {
            return false;
        }
        return !sameInstitution || !string.Equals(supporter.Department, request.Department, StringComparison.OrdinalIgnoreCase);
    }

    private static int Score(MatchCriteria request, Candidate candidate) =>
        SharedExperience(request, candidate).Count * SharedExperienceWeight
        + (SharedLanguages(request, candidate).Count > 0 ? SharedLanguageWeight : 0)
        + (candidate.Supporter.InstitutionId != request.InstitutionId ? AnotherInstitutionWeight : 0);

    private static List<string> Reasons(MatchCriteria request, Candidate candidate)
    {
        var supporter = candidate.Supporter;
        var reasons = new List<string> { $"In your network ({supporter.NetworkId})" };
        reasons.Add(supporter.InstitutionId != request.InstitutionId
            ? "From another institution"
            : "From your institution, another department");
        if (SharedExperience(request, candidate) is { Count: > 0 } experience)
        {
            reasons.Add($"Has been through the same: {string.Join(", ", experience)}");
        }
        if (SharedLanguages(request, candidate) is { Count: > 0 } languages)
        {
            reasons.Add($"Speaks {string.Join(", ", languages)}");
        }
        reasons.Add($"Has room: supporting {candidate.Load} of {supporter.Capacity}");
        return reasons;
    }

    private static List<string> SharedExperience(MatchCriteria request, Candidate candidate) =>
        [.. request.Experience.Intersect(candidate.Supporter.Experience, StringComparer.OrdinalIgnoreCase).Order()];

    private static List<string> SharedLanguages(MatchCriteria request, Candidate candidate) =>
        [.. request.Languages.Intersect(candidate.Supporter.Languages, StringComparer.OrdinalIgnoreCase).Order()];
}
