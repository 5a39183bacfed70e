using Haven.Contracts.Cases;
using Haven.Contracts.Reports;
using Haven.Escalation.Commands;
using MassTransit;

namespace Haven.Escalation.StateMachines;

public sealed class CaseStateDefinition : SagaDefinition<CaseState>
{
    private const int Partitions = 32;

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<CaseState> sagaConfigurator,
        IRegistrationContext context)
    {
        // One case's messages (a report and its duplicates, a deadline and an acknowledgement) are taken one at a
        // time per instance, so they rarely race; across instances the row's version settles any race left.
        var partition = endpointConfigurator.CreatePartitioner(Partitions);
        sagaConfigurator.Message<ReportSubmitted>(m => m.UsePartitioner(partition, c => c.Message.CaseId));
        sagaConfigurator.Message<ReportWithdrawn>(m => m.UsePartitioner(partition, c => c.Message.CaseId));
        sagaConfigurator.Message<AcknowledgeCase>(m => m.UsePartitioner(partition, c => c.Message.CaseId));
        sagaConfigurator.Message<StartCaseReview>(m => m.UsePartitioner(partition, c => c.Message.CaseId));
        sagaConfigurator.Message<AddCaseNote>(m => m.UsePartitioner(partition, c => c.Message.CaseId));
        sagaConfigurator.Message<RecordContentAudit>(m => m.UsePartitioner(partition, c => c.Message.CaseId));
        sagaConfigurator.Message<CloseCase>(m => m.UsePartitioner(partition, c => c.Message.CaseId));
        sagaConfigurator.Message<ReporterMessagePosted>(m => m.UsePartitioner(partition, c => c.Message.CaseId));
        sagaConfigurator.Message<ReporterReplied>(m => m.UsePartitioner(partition, c => c.Message.CaseId));
        sagaConfigurator.Message<CaseFlagged>(m => m.UsePartitioner(partition, c => c.Message.CaseId));
        sagaConfigurator.Message<AcknowledgementDue>(m => m.UsePartitioner(partition, c => c.Message.CaseId));
        sagaConfigurator.Message<ResolutionDue>(m => m.UsePartitioner(partition, c => c.Message.CaseId));
    }
}
