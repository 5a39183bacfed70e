namespace Haven.Contracts.Notifications;

/// <summary>Which template a notification uses. Templates never contain report text or evidence.</summary>
public enum NotificationKind
{
    /// <summary>A new case for the institution's case managers (the private notice).</summary>
    CaseAssigned = 1,
    /// <summary>Track B: the direct, private notice to the individual, asking them to review their content.</summary>
    IndividualNotice = 2,
    /// <summary>A case climbed to the next level of the escalation policy.</summary>
    Escalation = 3,
    /// <summary>Track A critical: threats or doxxing; security and leadership at once.</summary>
    SafetyAlert = 4,
    /// <summary>Nobody acknowledged a case through every level.</summary>
    Overdue = 5,
    /// <summary>Track B: the content audit requested of the individual and the employer.</summary>
    ContentAuditRequest = 6,
    /// <summary>A resolution deadline approaches.</summary>
    Reminder = 7,
    /// <summary>The status of a case changed, for its anonymous reporter's case-key inbox.</summary>
    StatusUpdate = 8,
    /// <summary>A case's reporter replied through their case key; the reply itself is read only in Haven.</summary>
    ReporterReplied = 9,
}
