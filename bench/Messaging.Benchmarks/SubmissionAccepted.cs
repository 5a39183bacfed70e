namespace Haven.Messaging.Benchmarks;

/// <param name="StartedAt">Stopwatch timestamp taken when the publisher began its unit of work.</param>
public sealed record SubmissionAccepted(Guid SubmissionId, long StartedAt);
