using Haven.PeerSupport.StateMachines;

namespace Haven.PeerSupport.Apis;

/// <summary>How the caller takes part in a request; anyone else (a case manager included) gets 404.</summary>
public enum Part
{
    None,
    Requester,
    Supporter,
    NetworkLead,
}

public static class Participation
{
    public static Part Of(SupportState support, Caller caller)
    {
        if (support.RequesterDigest == caller.Digest)
        {
            return Part.Requester;
        }
        if (support.SupporterUserId == caller.UserId && support.SupporterInstitutionId == caller.InstitutionId)
        {
            return Part.Supporter;
        }
        // Any request found is of the caller's network (the network filter): its lead sees it.
        return caller.IsNetworkLead ? Part.NetworkLead : Part.None;
    }

    public static bool IsAccepted(SupportState support) =>
        support.AcceptedAt is not null && support.CurrentState is nameof(SupportStateMachine.Matched) or nameof(SupportStateMachine.Supporting)
            or nameof(SupportStateMachine.Closed);

    public static SupportResponse View(SupportState s, Part part, HandOff? supporterHandOff) => new(
        s.CorrelationId,
        s.CurrentState,
        s.Origin.ToString(),
        part.ToString(),
        s.Urgent,
        s.RequestedAt,
        s.SupporterId is null ? [] : s.MatchReasons,
        s.CurrentState == nameof(SupportStateMachine.Offered) ? s.RespondBy : null,
        s.AcceptedAt,
        s.TouchedBaseAt,
        s.CheckInsDue,
        s.ClosedAt,
        s.Refusals,
        // Each side sees the other's hand-off, and only once the supporter has accepted; the lead sees neither.
        !IsAccepted(s) ? null : part switch
        {
            Part.Supporter => new HandOff(s.FirstName, s.PreferredContact),
            Part.Requester => supporterHandOff,
            _ => null,
        });
}
