namespace Haven.Contracts.Cases;

/// <summary>Where a case stands: received → triaged → awaiting acknowledgement → acknowledged → in review → closed.</summary>
public enum CaseStatus
{
    Received = 1,
    Triaged = 2,
    /// <summary>Notified; waiting for someone to acknowledge before the next level is told.</summary>
    AwaitingAcknowledgement = 3,
    Acknowledged = 4,
    InReview = 5,
    Resolved = 6,
    Dismissed = 7,
    Withdrawn = 8,
}
