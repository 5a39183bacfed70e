namespace Haven.Contracts.Reports;

/// <summary>What a report is about. Values 1xx belong to track A, 2xx to track B.</summary>
public enum ReportCategory
{
    PersonalAttack = 101,
    SexualHarassment = 102,
    Doxxing = 103,
    ThreatOfViolence = 104,
    Impersonation = 105,
    CoordinatedCampaign = 106,
    /// <summary>A complaint to an employer or certifying board used as harassment.</summary>
    ComplaintAsHarassment = 107,
    HarassmentOther = 199,

    HealthMisinformation = 201,
    DiscriminatoryContent = 202,
    SexuallyExplicitContent = 203,
    PatientPrivacyBreach = 204,
    HarassmentOfOthers = 205,
    IllegalActivity = 206,
    ConductOther = 299,
}
