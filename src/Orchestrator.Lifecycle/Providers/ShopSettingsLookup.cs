using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Persistence.ReferenceData;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>A shop the order steps know exists, from the reference data cache: a shop cannot be deleted while it has orders.</summary>
public static class ShopSettingsLookup
{
    public static async Task<ShopSettings> RequiredShopAsync(this ReferenceDataCache cache, OrchestratorDbContext db, long shopId, CancellationToken ct) =>
        await cache.ShopAsync(db, shopId, ct) ?? throw new InvalidOperationException($"Shop {shopId} does not exist.");

    /// <summary>The order's shop.</summary>
    public static Task<ShopSettings> ShopOfAsync(this ReferenceDataCache cache, OrchestratorDbContext db, SalesOrder order, CancellationToken ct) =>
        cache.RequiredShopAsync(db, order.ShopId, ct);
}
