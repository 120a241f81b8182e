using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>
/// Tells the platform an order shipped (发货确认) with carrier and tracking number; idempotent by key. One package of a
/// split shipment names its order lines (<paramref name="splitLineIds"/>: platform line ids); null ships the whole order.
/// </summary>
public interface IShipmentConfirmer
{
    /// <summary>True when confirming the order's shipment calls its platform (the caller then stores that a send is under way first).</summary>
    Task<bool> SendsToPlatformAsync(SalesOrder order, CancellationToken cancellationToken);

    /// <param name="earlierAttempt">A send under this key may have reached the platform already, its answer never committed.</param>
    Task<ShipmentConfirmation> ConfirmAsync(
        SalesOrder order, string? logisticsCode, string trackingNumber, IReadOnlyList<string>? splitLineIds, string idempotencyKey, bool earlierAttempt,
        CancellationToken cancellationToken);
}

/// <summary>
/// Records the confirmation in the step's transaction, once per key, and tells no platform: the zero-setup default,
/// and what <see cref="PlatformShipmentConfirmer"/> records before it sends.
/// </summary>
public sealed class LocalShipmentLedger(OrchestratorDbContext db, TimeProvider clock) : IShipmentConfirmer
{
    public Task<bool> SendsToPlatformAsync(SalesOrder order, CancellationToken cancellationToken) => Task.FromResult(false);

    public async Task<ShipmentConfirmation> ConfirmAsync(
        SalesOrder order, string? logisticsCode, string trackingNumber, IReadOnlyList<string>? splitLineIds, string idempotencyKey, bool earlierAttempt,
        CancellationToken cancellationToken)
    {
        var existing = await IdempotencyLookups.ConfirmationAsync(db, idempotencyKey, cancellationToken);
        return existing ?? Record(order, logisticsCode, trackingNumber, idempotencyKey);
    }

    /// <summary>Records a confirmation the caller knows is not recorded under this key yet (it asked in this step).</summary>
    public ShipmentConfirmation Record(SalesOrder order, string? logisticsCode, string trackingNumber, string idempotencyKey)
    {
        var confirmation = new ShipmentConfirmation
        {
            OrderId = order.Id,
            IdempotencyKey = idempotencyKey,
            PlatformOrderId = order.PlatformOrderId,
            LogisticsCode = logisticsCode,
            TrackingNumber = trackingNumber,
            ConfirmedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ShipmentConfirmations.Add(confirmation);
        return confirmation;
    }
}
