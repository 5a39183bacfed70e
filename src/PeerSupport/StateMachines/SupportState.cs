using Haven.Messaging.Tenancy;
using MassTransit;

namespace Haven.PeerSupport.StateMachines;

/// <summary>One request for peer support, from intake to closure; also the read model the API serves.</summary>
public sealed class SupportState : SagaStateMachineInstance, INetworkOwned
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";

    public SupportOrigin Origin { get; set; }
    public Guid? CaseId { get; set; }
    public string InstitutionId { get; set; } = "";
    public string NetworkId { get; set; } = "";
    public bool Urgent { get; set; }
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The person to support, pseudonymously (as the case flow names them).</summary>
    public string RequesterDigest { get; set; } = "";
    public string? ReferrerDigest { get; set; }

    /// <summary>The minimal hand-off, shown to the supporter only once they accept.</summary>
    public string? FirstName { get; set; }
    public string? PreferredContact { get; set; }

    // What matching considers; the department only to keep supporters out of it.
    public string? Department { get; set; }
    public List<string> Languages { get; set; } = [];
    public List<string> Experience { get; set; } = [];
    public bool PreferAnotherInstitution { get; set; }
    public List<string> ConflictDigests { get; set; } = [];

    /// <summary>The supporter offered the request, or matched with it once accepted.</summary>
    public Guid? SupporterId { get; set; }
    public string? SupporterInstitutionId { get; set; }
    public string? SupporterUserId { get; set; }
    public List<Guid> OfferedSupporterIds { get; set; } = [];
    public List<string> MatchReasons { get; set; } = [];
    public DateTimeOffset? OfferedAt { get; set; }
    public DateTimeOffset? RespondBy { get; set; }
    public int Refusals { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? TouchedBaseAt { get; set; }
    public int CheckInsDue { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int? FeedbackRating { get; set; }
    public string? FeedbackComment { get; set; }

    // The network's settings when the request came in, so a later change does not move running deadlines.
    public int RefusalsBeforeLeadIsTold { get; set; }
    public TimeSpan OfferDeadline { get; set; }
    public TimeSpan FirstCheckIn { get; set; }
    public TimeSpan SecondCheckIn { get; set; }

    public Guid? OfferTokenId { get; set; }
    public Guid? CheckInTokenId { get; set; }
}
