using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Inventory;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Intake;
using Orchestrator.Persistence.Integrations;
using Orchestrator.Persistence.ReferenceData;

namespace Orchestrator.Integrations.Runtime.StockSync;

/// <summary>
/// What each synced code of a shop is worth on its platform: free stock (on hand − reserved) summed over the shop's
/// warehouses (选仓策略), a combo as often as its scarcest component fits, then ratio and minimum (<see cref="StockSyncQuantity"/>).
/// A code that is no goods' or combo's own but is mapped to one (映射商家编码) counts as what it maps to.
/// </summary>
public sealed class StockSyncCalculator(OrchestratorDbContext db, ReferenceDataCache reference)
{
    public const string GoodsKind = "Goods";

    public const string ComboKind = "Combo";

    public async Task<IReadOnlyDictionary<string, StockSyncLine>> ComputeAsync(
        long shopId, StockSyncSettings settings, IReadOnlyCollection<string> merchantCodes, CancellationToken cancellationToken)
    {
        var codes = merchantCodes.Select(MerchantCode.Normalize).Distinct().ToList();

        // What each code maps to, as intake maps an order's lines: a combo code over a goods code over a person's mapping.
        var catalog = await MerchantCodeCatalogs.LoadAsync(db, codes, cancellationToken);
        var mapped = codes.ToDictionary(c => c, catalog.Resolve, StringComparer.Ordinal);
        var goodsIds = mapped.Values.SelectMany(m => m.Components.Select(c => c.GoodsId)).Distinct().ToList();
        var warehouses = (await WarehouseStrategy.CandidatesAsync(db, reference, shopId, cancellationToken)).Select(w => w.Id).ToList();
        var free = await db.StockItems.AsNoTracking().Where(s => warehouses.Contains(s.WarehouseId) && goodsIds.Contains(s.GoodsId))
            .GroupBy(s => s.GoodsId).Select(g => new { GoodsId = g.Key, Available = g.Sum(s => s.OnHand - s.Reserved) })
            .ToDictionaryAsync(x => x.GoodsId, x => x.Available, cancellationToken);

        var lines = new Dictionary<string, StockSyncLine>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var mapping = mapped[code];
            var (kind, available) = mapping.Kind switch
            {
                LineMappingKind.Combo => (ComboKind, StockSyncQuantity.ComboAvailable(mapping.Components.Select(c => (free.GetValueOrDefault(c.GoodsId), c.QuantityPerUnit)))),
                LineMappingKind.Goods => (GoodsKind, free.GetValueOrDefault(mapping.GoodsId!.Value)),
                _ => ((string?)null, 0),
            };
            lines[code] = new StockSyncLine(code, kind, available, StockSyncQuantity.ForPlatform(available, settings.Ratio, settings.MinimumQuantity));
        }

        return lines;
    }
}
