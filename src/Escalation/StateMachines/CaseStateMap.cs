using Haven.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Haven.Escalation.StateMachines;

public static class CaseStateMap
{
    public static void MapCaseState(this ModelBuilder modelBuilder)
    {
        var cases = modelBuilder.AddSagaState<CaseState>("cases");
        cases.Property(c => c.CurrentState).HasMaxLength(64);
        cases.Property(c => c.InstitutionId).HasMaxLength(100);
        cases.Property(c => c.NetworkId).HasMaxLength(100);
        cases.Property(c => c.SubjectDigest).HasMaxLength(64);
        cases.Property(c => c.RetaliationReason).HasMaxLength(500);
        cases.Property(c => c.AcknowledgedBy).HasMaxLength(200);
        cases.Property(c => c.ContentAuditOutcome).HasMaxLength(2000);
        cases.HasIndex(c => new { c.InstitutionId, c.CurrentState, c.OpenedAt });
        cases.OwnsMany(c => c.Levels, level => level.ToJson());
        cases.OwnsMany(c => c.Steps, step => step.ToJson());
        cases.OwnsMany(c => c.Timeline, entry => entry.ToJson());
    }
}
