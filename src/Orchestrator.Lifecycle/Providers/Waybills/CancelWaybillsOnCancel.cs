using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Lifecycle.Providers.Waybills;

/// <summary>
/// A cancelled instance asks for its order's live waybills to be cancelled, in the cancellation's transaction; the
/// <see cref="WaybillCancellationService"/> tells the carriers once it is committed.
/// </summary>
public sealed class CancelWaybillsOnCancel(OrchestratorDbContext db) : IInstanceCancellationHandler
{
    public async Task OnCancelledAsync(WorkflowInstanceRecord instance, DateTime now, CancellationToken cancellationToken)
    {
        if (instance.SalesOrderId is not { } orderId)
        {
            return;
        }

        var live = await db.Waybills.Where(w => w.OrderId == orderId && w.CancelRequestedAt == null).ToListAsync(cancellationToken);
        live.ForEach(w => w.RequestCancel("workflow instance cancelled", now));
    }
}
