using Haven.Contracts.PeerSupport;
using Haven.PeerSupport.Messages;
using MassTransit.Scheduling;

namespace Haven.PeerSupport.Tests;

public sealed class When_a_matched_support_reaches_its_check_ins
{
    [Fact]
    public async Task The_first_check_in_is_announced_at_the_injected_clocks_time_and_schedules_the_second()
    {
        await using var saga = await SupportSaga.StartAsync();
        // Scheduled on acceptance (a deadline whose token the saga no longer holds is dropped before it gets there).
        var support = saga.Put("Matched", s => (s.AcceptedAt, s.CheckInTokenId) = (SupportSaga.Start, Guid.NewGuid()));
        saga.Clock.Advance(TimeSpan.FromDays(3));

        Assert.True(await saga.DeliverAsync(new CheckInDue(support.CorrelationId, 1)));

        var due = Assert.Single(saga.Published<SupportCheckInDue>(c => c.RequestId == support.CorrelationId));
        Assert.Equal((1, SupportSaga.Start + TimeSpan.FromDays(3)), (due.CheckIn, due.DueAt));
        Assert.Equal(new SupporterAddress("lakeside", "sup-1"), due.Supporter);
        Assert.Single(saga.Harness.Sent.Select<ScheduleMessage>(s =>
            s.Context.Message.ScheduledTime == (SupportSaga.Start + TimeSpan.FromDays(14)).UtcDateTime));
        Assert.Equal(1, saga.Get(support.CorrelationId).CheckInsDue);
    }
}

/// <summary>
/// Messages a support does not expect lost a race it has settled (a double click, an offer expiring as it is accepted, a
/// check-in due after closing). Each is consumed without a fault (a fault would put it in the error queue) and changes nothing.
/// </summary>
public sealed class When_a_support_gets_a_message_it_does_not_expect
{
    [Fact]
    public async Task An_accepted_offer_ignores_a_second_answer_its_expiry_and_another_supporters_contact()
    {
        await using var saga = await SupportSaga.StartAsync();
        var support = saga.Put("Matched", s => s.AcceptedAt = SupportSaga.Start);

        Assert.True(await saga.DeliverAsync(new OfferAnswered(support.CorrelationId, support.SupporterId!.Value, false, SupportSaga.Start)));
        Assert.True(await saga.DeliverAsync(new OfferExpired(support.CorrelationId, support.SupporterId.Value)));
        Assert.True(await saga.DeliverAsync(new TouchedBase(support.CorrelationId, Guid.NewGuid(), SupportSaga.Start)));

        var after = saga.Get(support.CorrelationId);
        Assert.Equal(("Matched", 0, (DateTimeOffset?)null), (after.CurrentState, after.Refusals, after.TouchedBaseAt));
        Assert.Empty(saga.Published<SupportMatchStalled>(_ => true));
        Assert.Empty(saga.Published<SupportOffered>(_ => true));
    }

    [Fact]
    public async Task Touching_base_twice_keeps_the_first_contact()
    {
        await using var saga = await SupportSaga.StartAsync();
        var support = saga.Put("Matched", s => s.AcceptedAt = SupportSaga.Start);
        Assert.True(await saga.DeliverAsync(new TouchedBase(support.CorrelationId, support.SupporterId!.Value, SupportSaga.Start)));

        Assert.True(await saga.DeliverAsync(new TouchedBase(support.CorrelationId, support.SupporterId.Value, SupportSaga.Start.AddHours(1))));

        var after = saga.Get(support.CorrelationId);
        Assert.Equal(("Supporting", (DateTimeOffset?)SupportSaga.Start), (after.CurrentState, after.TouchedBaseAt));
    }

    [Fact]
    public async Task A_closed_support_ignores_late_answers_deadlines_check_ins_and_a_second_close()
    {
        await using var saga = await SupportSaga.StartAsync();
        var closedAt = SupportSaga.Start.AddDays(1);
        var support = saga.Put("Closed", s => (s.AcceptedAt, s.ClosedAt, s.FeedbackRating) = (SupportSaga.Start, closedAt, 5));

        Assert.True(await saga.DeliverAsync(new OfferAnswered(support.CorrelationId, support.SupporterId!.Value, true, SupportSaga.Start)));
        Assert.True(await saga.DeliverAsync(new OfferExpired(support.CorrelationId, support.SupporterId.Value)));
        Assert.True(await saga.DeliverAsync(new CheckInDue(support.CorrelationId, 2)));
        Assert.True(await saga.DeliverAsync(new TouchedBase(support.CorrelationId, support.SupporterId.Value, SupportSaga.Start)));
        Assert.True(await saga.DeliverAsync(new SupportEnded(support.CorrelationId, 1, "again", closedAt.AddDays(1))));

        var after = saga.Get(support.CorrelationId);
        Assert.Equal(("Closed", (DateTimeOffset?)closedAt, (int?)5, 0), (after.CurrentState, after.ClosedAt, after.FeedbackRating, after.CheckInsDue));
        Assert.Empty(saga.Published<SupportClosed>(_ => true));
        Assert.Empty(saga.Published<SupportCheckInDue>(_ => true));
        Assert.Empty(saga.Published<SupporterMatched>(_ => true));
    }

    [Fact]
    public async Task A_request_outside_any_network_waits_unmatched_and_closes_once()
    {
        await using var saga = await SupportSaga.StartAsync();
        var request = new RequestPeerSupport(Guid.NewGuid(), Guid.NewGuid(), "mercy", NetworkId: null, "ab12", Urgent: false, SupportSaga.Start);

        Assert.True(await saga.DeliverAsync(request));
        Assert.True(await saga.DeliverAsync(request));
        Assert.Equal("Unmatched", saga.Get(request.RequestId).CurrentState);
        Assert.True(await saga.DeliverAsync(new SupportEnded(request.RequestId, null, null, SupportSaga.Start.AddHours(1))));
        Assert.True(await saga.DeliverAsync(new SupportEnded(request.RequestId, null, null, SupportSaga.Start.AddHours(2))));

        Assert.Equal("Closed", saga.Get(request.RequestId).CurrentState);
        Assert.Equal(SupportSaga.Start.AddHours(1), Assert.Single(saga.Published<SupportClosed>(c => c.RequestId == request.RequestId)).ClosedAt);
        Assert.Empty(saga.Published<SupportMatchStalled>(_ => true));
    }
}
