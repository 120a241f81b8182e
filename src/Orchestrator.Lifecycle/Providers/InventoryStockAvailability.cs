using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Persistence.ReferenceData;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>
/// 缺货拦截 against the stock table: the order is in stock when one warehouse of the shop's strategy has every goods
/// available (on hand less reserved), or, when the shop splits packages, when they have it between them. When not, the
/// shortages are those of the first warehouse in the strategy.
/// Combo lines count their component goods; unmapped lines are review's concern, not stock's.
/// </summary>
public sealed class InventoryStockAvailability(OrchestratorDbContext db, ReferenceDataCache reference) : IStockAvailability
{
    public async Task<IReadOnlyList<StockShortage>> ShortagesAsync(SalesOrder order, CancellationToken cancellationToken) =>
        (await CheckAsync(order, cancellationToken)).Shortages;

    private async Task<(long? Filling, IReadOnlyList<StockShortage> Shortages)> CheckAsync(SalesOrder order, CancellationToken cancellationToken)
    {
        var wanted = order.Lines.SelectMany(l => l.Items.Select(i => (l.LineNo, i.GoodsId, i.MerchantCode, i.Quantity))).ToList();
        var candidates = await WarehouseStrategy.CandidatesAsync(db, reference, order.ShopId, cancellationToken);
        if (candidates.Count == 0)
        {
            return (null, []);
        }

        if (wanted.Count == 0)
        {
            return (candidates[0].Id, []);
        }

        var goodsIds = wanted.Select(w => w.GoodsId).Distinct().ToList();
        var warehouseIds = candidates.Select(c => c.Id).ToList();
        var stock = await StockLevels.FreeAsync(db, warehouseIds, goodsIds, cancellationToken);
        var perGoods = wanted.GroupBy(w => w.GoodsId).ToDictionary(g => g.Key, g => g.Sum(w => w.Quantity));

        List<StockShortage>? first = null;
        foreach (var (warehouseId, _) in candidates)
        {
            var shortages = wanted
                .Where(w => stock.GetValueOrDefault((warehouseId, w.GoodsId)) < perGoods[w.GoodsId])
                .Select(w => new StockShortage(w.LineNo, w.MerchantCode, w.Quantity, Math.Max(0, stock.GetValueOrDefault((warehouseId, w.GoodsId)))))
                .ToList();
            if (shortages.Count == 0)
            {
                return (warehouseId, []);
            }

            first ??= shortages;
        }

        // 拆单: several warehouses together may fill what none fills alone.
        var splits = (await reference.ShopOfAsync(db, order, cancellationToken)).AllowSplitPackages;
        if (splits && perGoods.All(g => warehouseIds.Sum(w => Math.Max(0, stock.GetValueOrDefault((w, g.Key)))) >= g.Value))
        {
            return (null, []);
        }

        return (null, first!);
    }
}
