using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Haven.Audit.Chain;
using Haven.Contracts.Audit;
using Haven.Contracts.Cases;
using Haven.Contracts.Notifications;
using Haven.Contracts.PeerSupport;
using Haven.Contracts.Reports;
using MassTransit;

namespace Haven.Audit.Consumers;

/// <summary>
/// Every tenant event of the platform, every read of case data and every change an institution admin makes, into the
/// institution's chain, committed with other consumers' entries in one group (<see cref="ChainWriter"/>) before the
/// message's inbox row: a message delivered again finds its event in the chain and appends nothing.
/// </summary>
public sealed class AuditEventConsumer(ChainWriter chain, ILogger<AuditEventConsumer> logger) :
    IConsumer<ReportSubmitted>,
    IConsumer<CaseStatusChanged>,
    IConsumer<CaseFlagged>,
    IConsumer<CaseEscalated>,
    IConsumer<CaseOverdue>,
    IConsumer<ReporterMessagePosted>,
    IConsumer<ReporterReplied>,
    IConsumer<CaseDataRead>,
    IConsumer<NotificationDeliveryChanged>,
    IConsumer<ReportWithdrawn>,
    IConsumer<RequestPeerSupport>,
    IConsumer<SupporterMatched>,
    IConsumer<SupportClosed>,
    IConsumer<InstitutionSettingChanged>
{
    internal static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public Task Consume(ConsumeContext<ReportSubmitted> context) =>
        Append(context, context.Message.InstitutionId, context.Message.SubmittedAt, actor: null, context.Message.CaseId);

    public Task Consume(ConsumeContext<CaseStatusChanged> context) =>
        Append(context, context.Message.InstitutionId, context.Message.ChangedAt, context.Message.ActorId, context.Message.CaseId);

    public Task Consume(ConsumeContext<CaseFlagged> context) =>
        Append(context, context.Message.InstitutionId, context.Message.FlaggedAt, actor: null, context.Message.CaseId);

    public Task Consume(ConsumeContext<CaseEscalated> context) =>
        Append(context, context.Message.InstitutionId, context.Message.EscalatedAt, actor: null, context.Message.CaseId);

    public Task Consume(ConsumeContext<CaseOverdue> context) =>
        Append(context, context.Message.InstitutionId, context.Message.OverdueAt, actor: null, context.Message.CaseId);

    /// <summary>The case manager's words are kept out of the log: their digest proves what was sent.</summary>
    public Task Consume(ConsumeContext<ReporterMessagePosted> context) =>
        Append(context, context.Message.InstitutionId, context.Message.PostedAt, context.Message.ActorId, context.Message.CaseId,
            context.Message with { Text = "sha256:" + ChainHasher.Sha256(context.Message.Text) });

    /// <summary>Nor are the reporter's: the reply is recorded as sent, by the case key, with its digest.</summary>
    public Task Consume(ConsumeContext<ReporterReplied> context) =>
        Append(context, context.Message.InstitutionId, context.Message.RepliedAt, actor: "case-key", context.Message.CaseId,
            context.Message with { Text = "sha256:" + ChainHasher.Sha256(context.Message.Text) });

    public Task Consume(ConsumeContext<CaseDataRead> context) =>
        Append(context, context.Message.InstitutionId, context.Message.ReadAt, context.Message.ActorId, context.Message.CaseId);

    public Task Consume(ConsumeContext<NotificationDeliveryChanged> context) =>
        Append(context, context.Message.InstitutionId, context.Message.ChangedAt, actor: null, context.Message.CaseId);

    public Task Consume(ConsumeContext<ReportWithdrawn> context) =>
        Append(context, context.Message.InstitutionId, context.Message.WithdrawnAt, actor: null, context.Message.CaseId);

    public Task Consume(ConsumeContext<RequestPeerSupport> context) =>
        Append(context, context.Message.InstitutionId, context.Message.RequestedAt, actor: null, context.Message.CaseId);

    /// <summary>Behind the confidentiality wall, the log records only that a match happened (and that support closed).</summary>
    public Task Consume(ConsumeContext<SupporterMatched> context) =>
        Append(context, context.Message.InstitutionId, context.Message.MatchedAt, actor: null, context.Message.CaseId);

    public Task Consume(ConsumeContext<SupportClosed> context) =>
        Append(context, context.Message.InstitutionId, context.Message.ClosedAt, actor: null, context.Message.CaseId);

    /// <summary>About no case: the entry's subject is the setting the admin changed, e.g. <c>amqp-subscription:{id}</c>.</summary>
    public Task Consume(ConsumeContext<InstitutionSettingChanged> context) =>
        Append(context, context.Message.InstitutionId, context.Message.ChangedAt, context.Message.ActorId, caseId: null,
            subjectRef: context.Message.SubjectRef);

    private async Task Append<T>(ConsumeContext<T> context, string institutionId, DateTimeOffset occurredAt, string? actor, Guid? caseId,
        T? recorded = null, string? subjectRef = null) where T : class
    {
        var eventId = context.MessageId ?? throw new InvalidOperationException("An audited event needs a message id.");
        var record = new AuditRecord(institutionId, eventId, TypeName<T>(), occurredAt, actor,
            caseId is { } id ? CaseSubject.Ref(id) : subjectRef, caseId, JsonSerializer.Serialize(recorded ?? context.Message, PayloadJson));
        var entry = await chain.AppendAsync(record, context.CancellationToken);
        if (entry is null)
        {
            logger.LogDebug("Event {EventId} was already in the chain", eventId);
            return;
        }
        logger.LogInformation("Appended {Type} as entry {Sequence} of {InstitutionId}'s chain", record.Type, entry.Sequence, institutionId);
    }

    /// <summary>The partner-facing name of the message (its URN), which stays stable whatever the CLR type is called.</summary>
    internal static string TypeName<T>() =>
        typeof(T).GetCustomAttribute<MessageUrnAttribute>()?.Urn.ToString().Replace("urn:message:", "") ?? typeof(T).Name;
}
