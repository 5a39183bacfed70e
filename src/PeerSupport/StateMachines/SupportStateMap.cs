using Haven.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Haven.PeerSupport.StateMachines;

/// <summary>The support saga's table (the read model the API queries too).</summary>
public static class SupportStateMap
{
    public static ModelBuilder MapSupportState(this ModelBuilder modelBuilder)
    {
        var support = modelBuilder.AddSagaState<SupportState>("support_state");
        support.Property(s => s.CurrentState).HasMaxLength(64);
        support.Property(s => s.Origin).HasConversion<string>().HasMaxLength(32);
        support.Property(s => s.InstitutionId).HasMaxLength(128);
        support.Property(s => s.NetworkId).HasMaxLength(128);
        support.Property(s => s.RequesterDigest).HasMaxLength(64);
        support.Property(s => s.ReferrerDigest).HasMaxLength(64);
        support.Property(s => s.FirstName).HasMaxLength(100);
        support.Property(s => s.PreferredContact).HasMaxLength(200);
        support.Property(s => s.FeedbackComment).HasMaxLength(2000);
        // Capacity is counted per supporter and state; requesters and leads look their requests up.
        support.HasIndex(s => new { s.SupporterId, s.CurrentState });
        support.HasIndex(s => s.RequesterDigest);
        support.HasIndex(s => new { s.NetworkId, s.RequestedAt });
        return modelBuilder;
    }
}
