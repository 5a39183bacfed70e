using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Notification.Partners;
using MassTransit;

namespace Haven.Notification.Consumers;

/// <summary>
/// The events partner systems may receive, each turned into its <see cref="PartnerEvent"/>: one list for every way
/// partners receive them (webhooks, AMQP), so that none of them gets an event the others do not.
/// </summary>
public abstract class PartnerEventConsumer :
    IConsumer<ReportSubmitted>,
    IConsumer<ReportWithdrawn>,
    IConsumer<CaseStatusChanged>,
    IConsumer<CaseEscalated>,
    IConsumer<CaseOverdue>
{
    public Task Consume(ConsumeContext<ReportSubmitted> context) => FanOut(context, PartnerEvent.From(context));

    public Task Consume(ConsumeContext<ReportWithdrawn> context) => FanOut(context, PartnerEvent.From(context));

    public Task Consume(ConsumeContext<CaseStatusChanged> context) => FanOut(context, PartnerEvent.From(context));

    public Task Consume(ConsumeContext<CaseEscalated> context) => FanOut(context, PartnerEvent.From(context));

    public Task Consume(ConsumeContext<CaseOverdue> context) => FanOut(context, PartnerEvent.From(context));

    protected abstract Task FanOut(ConsumeContext context, PartnerEvent partnerEvent);
}
