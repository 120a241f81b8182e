using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Lifecycle.Inventory;

/// <summary>
/// A cancelled instance cancels its order: the order is marked cancelled and gives back the stock it reserved, in the
/// cancellation's transaction (as the CancelOrder activity does inside a workflow); orders waiting for stock are then checked again.
/// </summary>
public sealed class ReleaseStockOnCancel(OrchestratorDbContext db, StockArrivals arrivals) : IInstanceCancellationHandler
{
    public async Task OnCancelledAsync(WorkflowInstanceRecord instance, DateTime now, CancellationToken cancellationToken)
    {
        if (instance.SalesOrderId is { } orderId)
        {
            if (await new StockLedger(db).ReleaseAsync(orderId, now, cancellationToken) > 0)
            {
                // What it gave back may fill orders waiting for stock, once the cancellation has committed.
                db.AfterCommit(arrivals.Signal);
            }

            if (await db.SalesOrders.FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken) is { Status: not OrderStatus.Shipped } order)
            {
                order.Status = OrderStatus.Cancelled;
                order.UpdatedAt = now;
            }
        }
    }
}
