using MassTransit;

namespace Haven.Contracts.Cases;

/// <summary>
/// A case that opened unflagged is now a possible retaliation or campaign (v1): a burst of reports about its subject was
/// recognised after it opened. Its outside steps are held for review and it is never escalated past the institution.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="InstitutionId">Its institution.</param>
/// <param name="Reason">Why it was flagged (no report text).</param>
/// <param name="FlaggedAt">When.</param>
[MessageUrn("haven:cases:case-flagged:v1")]
public record CaseFlagged(Guid CaseId, string InstitutionId, string Reason, DateTimeOffset FlaggedAt);
