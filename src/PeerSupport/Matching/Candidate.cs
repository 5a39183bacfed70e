using Haven.PeerSupport.Model;

namespace Haven.PeerSupport.Matching;

/// <summary>A supporter with the supports (and pending offers) they already hold.</summary>
public sealed record Candidate(Supporter Supporter, int Load);
