using MassTransit;

namespace Haven.Contracts.PeerSupport;

/// <summary>Remind a supporter to check in with the person they support (v1): day 3, then week 2, by default.</summary>
/// <param name="RequestId">The support request.</param>
/// <param name="Supporter">Who to remind.</param>
/// <param name="CheckIn">1 for the first check-in, 2 for the second.</param>
/// <param name="DueAt">When it fell due.</param>
[MessageUrn("haven:peer-support:support-check-in-due:v1")]
public record SupportCheckInDue(Guid RequestId, SupporterAddress Supporter, int CheckIn, DateTimeOffset DueAt);
