namespace Haven.PeerSupport.Matching;

/// <summary>The chosen supporter and, in plain words, why: the request shows these to its participants.</summary>
public sealed record Match(Guid SupporterId, IReadOnlyList<string> Reasons);
