using Haven.Messaging.Outbox;
using Haven.Messaging.Scheduling;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Messaging;

public static class MessagingModelBuilderExtensions
{
    internal const string InboxTable = "inbox_state";
    internal const string OutboxStateTable = "outbox_state";
    internal const string OutboxMessageTable = "outbox_message";
    internal const string ScheduledMessageTable = "scheduled_message";

    /// <summary>The inbox, outbox and scheduler tables every service keeps in its own database.</summary>
    public static ModelBuilder AddHavenMessaging(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboxState>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(e => e.Id);
            inbox.HasAlternateKey(e => new { e.MessageId, e.ConsumerId });
            inbox.HasIndex(e => e.Delivered);
        });

        modelBuilder.Entity<OutboxState>(outbox =>
        {
            outbox.ToTable(OutboxStateTable);
            outbox.HasKey(e => e.OutboxId);
            outbox.HasIndex(e => e.Created);
        });

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable(OutboxMessageTable);
            message.HasKey(e => e.SequenceNumber);
            MapStoredMessage(message);
            message.HasIndex(e => new { e.InboxMessageId, e.InboxConsumerId, e.SequenceNumber }).IsUnique();
            message.HasIndex(e => new { e.OutboxId, e.SequenceNumber }).IsUnique();
        });

        modelBuilder.Entity<ScheduledMessageRow>(message =>
        {
            message.ToTable(ScheduledMessageTable);
            message.HasKey(e => e.TokenId);
            message.Ignore(e => e.SequenceNumber);
            MapStoredMessage(message);
            // The dispatcher asks only for what is pending, in due order.
            message.HasIndex(e => e.DueTime).HasFilter("\"Sent\" IS NULL AND \"Cancelled\" IS NULL");
        });
        return modelBuilder;
    }

    /// <summary>
    /// Maps a state machine's instance for the Haven saga repository: keyed by its correlation id, with PostgreSQL's
    /// <c>xmin</c> as the concurrency token, so two instances updating one saga at once cannot both win.
    /// </summary>
    public static EntityTypeBuilder<TSaga> AddSagaState<TSaga>(this ModelBuilder modelBuilder, string table) where TSaga : class, ISaga
    {
        var saga = modelBuilder.Entity<TSaga>();
        saga.ToTable(table);
        saga.HasKey(e => e.CorrelationId);
        saga.Property(e => e.CorrelationId).ValueGeneratedNever();
        saga.Property<uint>("xmin").IsRowVersion();
        return saga;
    }

    private static void MapStoredMessage<T>(EntityTypeBuilder<T> message) where T : StoredMessage
    {
        message.Property(e => e.ContentType).HasMaxLength(256);
        message.Property(e => e.SourceAddress).HasMaxLength(256);
        message.Property(e => e.DestinationAddress).HasMaxLength(256);
        message.Property(e => e.ResponseAddress).HasMaxLength(256);
        message.Property(e => e.FaultAddress).HasMaxLength(256);
    }
}
