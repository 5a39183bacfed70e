namespace Haven.PeerSupport.StateMachines;

/// <summary>How a request came in.</summary>
public enum SupportOrigin
{
    /// <summary>A track-A case whose target consented.</summary>
    Case = 1,
    /// <summary>The clinician asked for themselves, with no case.</summary>
    SelfReferral = 2,
    /// <summary>A colleague asked on their behalf.</summary>
    ColleagueReferral = 3,
}
