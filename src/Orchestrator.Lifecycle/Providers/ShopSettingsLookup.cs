using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Persistence.ReferenceData;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>The order's shop from the reference data cache; a shop cannot be deleted while it has orders, so it is there.</summary>
public static class ShopSettingsLookup
{
    public static async Task<ShopSettings> ShopOfAsync(this ReferenceDataCache cache, OrchestratorDbContext db, SalesOrder order, CancellationToken ct) =>
        await cache.ShopAsync(db, order.ShopId, ct)
        ?? throw new InvalidOperationException($"Shop {order.ShopId} of order {order.Id} does not exist.");
}
