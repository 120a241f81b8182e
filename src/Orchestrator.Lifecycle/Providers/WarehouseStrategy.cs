using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.ReferenceData;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>选仓策略: the enabled warehouses a shop ships from, in priority order, its default warehouse last.</summary>
public static class WarehouseStrategy
{
    public static async Task<IReadOnlyList<(long Id, string Code)>> CandidatesAsync(
        OrchestratorDbContext db, ReferenceDataCache reference, long shopId, CancellationToken cancellationToken)
    {
        var shop = await reference.RequiredShopAsync(db, shopId, cancellationToken);
        var ids = shop.WarehousePriority.ToList();
        if (shop.DefaultWarehouseId is { } fallback && !ids.Contains(fallback))
        {
            ids.Add(fallback);
        }

        var candidates = new List<(long Id, string Code)>(ids.Count);
        foreach (var id in ids)
        {
            if (await reference.WarehouseAsync(db, id, cancellationToken) is { IsEnabled: true } warehouse)
            {
                candidates.Add((id, warehouse.Code));
            }
        }

        return candidates;
    }
}
