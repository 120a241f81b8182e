using Orchestrator.Persistence;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Lifecycle.Inventory;

/// <summary>A cancelled instance gives back the stock its order reserved, in the cancellation's transaction.</summary>
public sealed class ReleaseStockOnCancel : IInstanceCancellationHandler
{
    public async Task OnCancelledAsync(OrchestratorDbContext db, WorkflowInstanceRecord instance, DateTime now, CancellationToken cancellationToken)
    {
        if (instance.SalesOrderId is { } orderId)
        {
            await new StockLedger(db).ReleaseAsync(orderId, now, cancellationToken);
        }
    }
}
