using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>选仓策略: the enabled warehouses a shop ships from, in priority order, its default warehouse last.</summary>
public static class WarehouseStrategy
{
    public static async Task<IReadOnlyList<(long Id, string Code)>> CandidatesAsync(OrchestratorDbContext db, long shopId, CancellationToken cancellationToken)
    {
        var shop = await db.Shops.AsNoTracking().Include(s => s.Warehouses).FirstAsync(s => s.Id == shopId, cancellationToken);
        var ids = shop.Warehouses.OrderBy(w => w.Priority).Select(w => w.WarehouseId).ToList();
        if (shop.DefaultWarehouseId is { } fallback && !ids.Contains(fallback))
        {
            ids.Add(fallback);
        }

        var enabled = await db.Warehouses.AsNoTracking().Where(w => ids.Contains(w.Id) && w.IsEnabled)
            .ToDictionaryAsync(w => w.Id, w => w.Code, cancellationToken);
        return ids.Where(enabled.ContainsKey).Select(id => (id, enabled[id])).ToList();
    }
}
