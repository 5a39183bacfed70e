using Haven.Audit.Chain;
using Haven.Contracts.Audit;
using MassTransit;

namespace Haven.Audit.Consumers;

/// <summary>
/// Answers intake's request for a case's receipt, on behalf of an anonymous reporter whose case key intake checked.
/// Over the broker rather than HTTP: only Haven's services can ask, and no service needs a credential of its own.
/// </summary>
public sealed class GetCaseReceiptConsumer(CaseReceipts receipts) : IConsumer<GetCaseReceipt>
{
    public async Task Consume(ConsumeContext<GetCaseReceipt> context)
    {
        var (receipt, unavailable) = await receipts.BuildAsync(context.Message.CaseId, context.CancellationToken);
        if (receipt is not null)
        {
            await context.RespondAsync(receipt);
        }
        else
        {
            await context.RespondAsync(unavailable!);
        }
    }
}
