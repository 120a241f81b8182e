using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;
using Orchestrator.Integrations.Platforms;
using Orchestrator.Persistence;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>
/// When the shop has a platform connection, sends the confirmation and only then records it in the step's transaction
/// (through the local ledger): a faulted step's tracked changes are committed with its fault, so a row recorded first
/// would read as acknowledged on retry. A failure after the pipeline's retries throws, so the instance faults with an
/// incident; a retry sends the same tid + tracking number again, which the platform dedupes. A confirmation already
/// committed under this key was acknowledged and is not sent again.
/// </summary>
public sealed class PlatformShipmentConfirmer(OrchestratorDbContext db, LocalShipmentLedger ledger, PlatformAdapters platforms) : IShipmentConfirmer
{
    public async Task<ShipmentConfirmation> ConfirmAsync(
        SalesOrder order, string? logisticsCode, string trackingNumber, IReadOnlyList<string>? splitLineIds, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (await db.ShipmentConfirmations.FirstOrDefaultAsync(s => s.IdempotencyKey == idempotencyKey, cancellationToken) is { } acknowledged)
        {
            return acknowledged;
        }

        var shop = await db.Shops.AsNoTracking().Where(s => s.Id == order.ShopId).Select(s => new { s.Code, Platform = s.Platform!.Code }).FirstAsync(cancellationToken);
        if (platforms.For(shop.Code, shop.Platform) is { } platform)
        {
            await platform.ConfirmShipmentAsync(new ShipmentNotice(order.PlatformOrderId, logisticsCode, trackingNumber, idempotencyKey, splitLineIds), cancellationToken);
        }

        return await ledger.ConfirmAsync(order, logisticsCode, trackingNumber, splitLineIds, idempotencyKey, cancellationToken);
    }
}
