namespace Haven.Contracts.Reports;

/// <summary>The two kinds of report Haven handles.</summary>
public enum Track
{
    /// <summary>Track A: a clinician harassed or attacked online.</summary>
    Harassment = 1,

    /// <summary>Track B: concerning social-media behaviour by a clinician or trainee.</summary>
    ConcerningConduct = 2,
}
