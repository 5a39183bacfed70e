namespace Haven.Intake.Reports;

/// <summary>Tunable intake rules (configuration section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>This many track-B reports about one subject within <see cref="BurstWindow"/> look like a pile-on.</summary>
    public int BurstThreshold { get; set; } = 3;

    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromHours(24);
}
