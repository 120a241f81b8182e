using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.Inventory;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Persistence;
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
        var combos = await db.Combos.AsNoTracking().Where(c => c.IsEnabled && codes.Contains(c.NormalizedCode)).Include(c => c.Items)
            .ToDictionaryAsync(c => c.NormalizedCode, cancellationToken);
        var goods = await db.Goods.AsNoTracking().Where(g => g.IsEnabled && codes.Contains(g.NormalizedMerchantCode))
            .ToDictionaryAsync(g => g.NormalizedMerchantCode, g => g.Id, cancellationToken);

        // A platform code mapped to goods or a combo (映射商家编码) is worth what it maps to; an own code wins over a mapping.
        var unmatched = codes.Where(c => !combos.ContainsKey(c) && !goods.ContainsKey(c)).ToList();
        var mappings = unmatched.Count == 0
            ? []
            : await db.MerchantCodeMappings.AsNoTracking().Where(m => unmatched.Contains(m.NormalizedCode)).ToListAsync(cancellationToken);
        var mappedComboIds = mappings.Where(m => m.ComboId is not null).Select(m => m.ComboId!.Value).ToList();
        var mappedGoodsIds = mappings.Where(m => m.GoodsId is not null).Select(m => m.GoodsId!.Value).ToList();
        var mappedCombos = mappedComboIds.Count == 0
            ? []
            : await db.Combos.AsNoTracking().Where(c => c.IsEnabled && mappedComboIds.Contains(c.Id)).Include(c => c.Items).ToDictionaryAsync(c => c.Id, cancellationToken);
        var enabledMappedGoods = mappedGoodsIds.Count == 0
            ? []
            : (await db.Goods.AsNoTracking().Where(g => g.IsEnabled && mappedGoodsIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var mapping in mappings)
        {
            if (mapping.ComboId is { } comboId && mappedCombos.TryGetValue(comboId, out var mappedCombo))
            {
                combos[mapping.NormalizedCode] = mappedCombo;
            }
            else if (mapping.GoodsId is { } mappedGoodsId && enabledMappedGoods.Contains(mappedGoodsId))
            {
                goods[mapping.NormalizedCode] = mappedGoodsId;
            }
        }

        var goodsIds = goods.Values.Concat(combos.Values.SelectMany(c => c.Items.Select(i => i.GoodsId))).Distinct().ToList();
        var warehouses = (await WarehouseStrategy.CandidatesAsync(db, reference, shopId, cancellationToken)).Select(w => w.Id).ToList();
        var free = await db.StockItems.AsNoTracking().Where(s => warehouses.Contains(s.WarehouseId) && goodsIds.Contains(s.GoodsId))
            .GroupBy(s => s.GoodsId).Select(g => new { GoodsId = g.Key, Available = g.Sum(s => s.OnHand - s.Reserved) })
            .ToDictionaryAsync(x => x.GoodsId, x => x.Available, cancellationToken);

        var lines = new Dictionary<string, StockSyncLine>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            // A combo code wins over a goods code (seed 000), as in order mapping.
            var (kind, available) = combos.TryGetValue(code, out var combo)
                ? (ComboKind, StockSyncQuantity.ComboAvailable(combo.Items.Select(i => (free.GetValueOrDefault(i.GoodsId), i.Quantity))))
                : goods.TryGetValue(code, out var goodsId) ? (GoodsKind, free.GetValueOrDefault(goodsId)) : ((string?)null, 0);
            lines[code] = new StockSyncLine(code, kind, available, StockSyncQuantity.ForPlatform(available, settings.Ratio, settings.MinimumQuantity));
        }

        return lines;
    }
}
