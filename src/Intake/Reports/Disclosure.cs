namespace Haven.Intake.Reports;

/// <summary>How much of the reporter the institution learns, and when.</summary>
public enum Disclosure
{
    Named = 1,
    Anonymous = 2,
    /// <summary>Stored but not passed on until a second report names the same subject ("GoTogether").</summary>
    HeldUntilCorroborated = 3,
}
