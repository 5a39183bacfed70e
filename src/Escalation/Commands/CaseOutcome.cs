namespace Haven.Escalation.Commands;

public enum CaseOutcome
{
    Resolved = 1,
    Dismissed = 2,
}
