using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>
/// The zero-setup default when no carrier is configured (<c>Waybill:BaseUrl</c> unset): issues numbers locally in each
/// carrier's format and records them by idempotency key, in the step's transaction, so a retried or replayed step finds
/// its waybill instead of taking a second one.
/// </summary>
public sealed class LocalWaybillIssuer(OrchestratorDbContext db, TimeProvider clock) : IWaybillIssuer
{
    public async Task<Waybill> IssueAsync(SalesOrder order, Warehouse sender, IReadOnlyList<PackageLine> goods, string carrierCode, string idempotencyKey, CancellationToken cancellationToken)
    {
        var existing = await IdempotencyLookups.WaybillAsync(db, idempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var waybill = new Waybill
        {
            OrderId = order.Id,
            IdempotencyKey = idempotencyKey,
            CarrierCode = carrierCode,
            TrackingNumber = TrackingNumbers.New(carrierCode),
            IssuedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Waybills.Add(waybill);
        return waybill;
    }

    /// <summary>A local number was never reported to a carrier, so there is nobody to tell.</summary>
    public Task CancelAsync(Waybill waybill, CancellationToken cancellationToken) => Task.CompletedTask;
}
