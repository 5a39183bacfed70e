namespace Haven.Contracts.Reports;

/// <summary>A route a case takes; each is a tracked step of the case.</summary>
public enum Pathway
{
    Institution = 1,
    /// <summary>Track B: a direct, private notice to the individual first.</summary>
    IndividualNotice = 2,
    Platform = 3,
    /// <summary>Track A: threats and doxxing.</summary>
    LawEnforcement = 4,
    /// <summary>Track B: a patient privacy breach or illegal activity.</summary>
    FederalAuthorities = 5,
    /// <summary>Track A: a colleague from the coalition stands with the target.</summary>
    PeerSupport = 6,
}
